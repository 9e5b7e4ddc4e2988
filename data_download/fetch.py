"""Fetch an emotion corpus from its official home, check it, and unpack it where emo_nb's loaders read it.

Usage: python data_download/fetch.py NAME [--to DIR]     (or run data_download/NAME.py)
       python data_download/fetch.py --list

Each corpus has a spec in data_download/NAME.py: where it comes from (a direct URL, a Kaggle data set, or
a request form for corpora that are licensed per user), its checksum where the publisher gives one, and
the folder the loader expects. Downloads resume from a `.part` file; a file you fetched by hand and put
in place is checked and used as it is. Nothing in emo_nb downloads at run time: only these scripts do.
"""
from __future__ import annotations
import argparse, hashlib, importlib, os, shutil, subprocess, sys, tarfile, urllib.error, urllib.request, zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = ('ravdess', 'crema_d', 'tess', 'savee', 'emodb', 'fer2013', 'ckplus', 'jaffe',
           'dair_emotion', 'goemotions', 'isear', 'meld', 'pennebaker')

class FetchError(Exception):
    "A problem the user can act on; printed as one plain message."

def file_digest(path, algo='sha256') -> str:
    "The hex digest of a file, read in 1 MB blocks."
    h = hashlib.new(algo)
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''): h.update(block)
    return h.hexdigest()

def verify(path:Path, md5:str|None=None, sha256:str|None=None) -> str:
    "Check `path` against the publisher's checksum; without one, check against (or record) our own SHA-256."
    path = Path(path)
    for algo, want in (('md5', md5), ('sha256', sha256)):
        if want:
            got = file_digest(path, algo)
            if got != want: raise FetchError(f"{path}: {algo} is {got}, expected {want}; the file is damaged or not the "
                                             f"published one. Delete it and run again.")
            return f'{algo} ok'
    pin = path.with_name(path.name + '.sha256')
    got = file_digest(path)
    if pin.exists():
        if pin.read_text().strip() != got: raise FetchError(f"{path}: SHA-256 {got} differs from the one recorded at the "
                                                            f"first download ({pin}). Delete both and run again.")
        return 'sha256 matches the first download'
    pin.write_text(got + '\n')
    return f'no published checksum: recorded SHA-256 {got[:16]}… in {pin.name} for later runs'

def download(url:str, dest:Path, progress=True) -> Path:
    "Download `url` to `dest`, resuming a partial `dest.part`; a file already at `dest` is kept."
    dest = Path(dest)
    if dest.exists(): return dest
    part = dest.with_name(dest.name + '.part')
    have = part.stat().st_size if part.exists() else 0
    req = urllib.request.Request(url, headers={'Range': f'bytes={have}-'} if have else {})
    try: resp = urllib.request.urlopen(req, timeout=60)
    except urllib.error.HTTPError as e:
        if e.code == 416 and have: part.rename(dest); return dest
        raise FetchError(f"{url}: the server answered {e.code} {e.reason}. Fetch it by hand and save it as {dest}, then run again.") from None
    except (urllib.error.URLError, OSError) as e:
        raise FetchError(f"cannot reach {urllib.request.urlparse(url).netloc} ({getattr(e, 'reason', e)}): no network? "
                         f"Fetch {url} by hand and save it as {dest}, then run again.") from None
    resumed = have and resp.status == 206
    total = int(resp.headers.get('Content-Length') or 0) + (have if resumed else 0)
    bar = _bar(total, have if resumed else 0, dest.name) if progress else None
    with resp, open(part, 'ab' if resumed else 'wb') as f:
        for block in iter(lambda: resp.read(1 << 16), b''):
            f.write(block)
            if bar: bar.update(len(block))
    if bar: bar.close()
    if total and part.stat().st_size != total: raise FetchError(f"{url}: the download stopped early; run again to resume it.")
    part.rename(dest)
    return dest

def _bar(total, initial, name):
    try: from tqdm.auto import tqdm
    except ImportError: return None
    return tqdm(total=total or None, initial=initial, unit='B', unit_scale=True, desc=name)

def unpack(archive:Path, to:Path) -> Path:
    "Unpack a zip or tar archive into `to`, refusing members that would land outside it; skip if done before."
    archive, to = Path(archive), Path(to)
    done = to/f'.unpacked-{archive.name}'
    if done.exists(): return to
    to.mkdir(parents=True, exist_ok=True)
    root = to.resolve()
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as z:
            _check_members(archive, root, z.namelist())
            z.extractall(to)
    elif tarfile.is_tarfile(archive):
        with tarfile.open(archive) as t:
            _check_members(archive, root, [m.name for m in t.getmembers() if not (m.issym() or m.islnk())])
            t.extractall(to, members=[m for m in t.getmembers() if m.isfile() or m.isdir()])
    else: raise FetchError(f"{archive}: neither a zip nor a tar archive (a failed download saved as an HTML page?). Delete it and run again.")
    done.touch()
    return to

def _check_members(archive, root:Path, names):
    for n in names:
        if not (root/n).resolve().is_relative_to(root): raise FetchError(f"{archive}: member {n!r} would unpack outside {root}; refused.")

def kaggle_fetch(slug:str, to:Path, competition=False) -> Path:
    "Download a Kaggle data set with the official `kaggle` CLI into `to` (needs an API token)."
    token = Path(os.environ.get('KAGGLE_CONFIG_DIR', Path.home()/'.kaggle'))/'kaggle.json'
    if not (token.exists() or (os.environ.get('KAGGLE_USERNAME') and os.environ.get('KAGGLE_KEY'))):
        raise FetchError(f"{slug} comes from Kaggle and needs an API token: create one at kaggle.com → Settings → API, "
                         f"save it as {token} (or set KAGGLE_USERNAME and KAGGLE_KEY), accept the data set's rules on "
                         f"its page, then run again.")
    if not shutil.which('kaggle'): raise FetchError("the `kaggle` command is missing: pip install kaggle, then run again.")
    zips = sorted(Path(to).glob('*.zip')) if Path(to).exists() else []
    if not zips:
        Path(to).mkdir(parents=True, exist_ok=True)
        cmd = ['kaggle', 'competitions' if competition else 'datasets', 'download', *([] if competition else ['-d']), slug, '-p', str(to)]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode: raise FetchError(f"kaggle could not download {slug}: {(r.stderr or r.stdout).strip()[-300:]}")
        zips = sorted(Path(to).glob('*.zip'))
    return zips[0]

def run(spec:dict, to=None) -> Path:
    "Fetch, check and unpack the corpus that `spec` describes into `to` (default data/NAME); return its folder."
    to = Path(to or Path('data')/spec['name'])
    kind = spec['kind']
    if kind == 'manual':
        raise FetchError(f"{spec['name']} is licensed per user and cannot be fetched by a script. {spec['how']} "
                         f"Then put it under {to} as: {spec['layout']}")
    if kind == 'kaggle':
        archive = kaggle_fetch(spec['slug'], to/'download', spec.get('competition', False))
        print(f"{archive.name}: {verify(archive)}")
        unpack(archive, to)
    else:
        for item in spec['files']:
            (to/'download').mkdir(parents=True, exist_ok=True)
            f = download(item['url'], to/'download'/item['file'])
            print(f"{f.name}: {verify(f, item.get('md5'), item.get('sha256'))}")
            if item.get('unpack', False): unpack(f, to)
            else: shutil.copyfile(f, to/item['file'])
    print(f"{spec['name']} is in {to}; layout: {spec['layout']}")
    return to

def load_spec(name:str) -> dict:
    "The spec in data_download/NAME.py."
    if name not in CORPORA: raise FetchError(f"no download script for {name!r}; known: {', '.join(CORPORA)}")
    sys.path.insert(0, str(HERE))
    return importlib.import_module(name).SPEC

def main(argv=None, name=None) -> int:
    "Command line: fetch one corpus, or list them; plain messages and exit code 2 on failure."
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    if name is None: p.add_argument('name', nargs='?', help=f"one of: {', '.join(CORPORA)}")
    p.add_argument('--to', help='destination folder (default: data/NAME)')
    p.add_argument('--list', action='store_true', help='list the corpora, their sources and licences')
    a = p.parse_args(argv)
    try:
        if a.list:
            for n in CORPORA: s = load_spec(n); print(f"{n:13} {s['kind']:7} {s['licence']}")
            return 0
        run(load_spec(name or a.name or p.error('name a corpus, or use --list')), a.to)
        return 0
    except FetchError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

if __name__ == '__main__': sys.exit(main())
