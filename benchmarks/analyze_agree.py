"""Do two checkouts of emo_nb read the shared clips alike? Modalities, rows, and the fused label of each time step.

Run: .venv/bin/python benchmarks/analyze_agree.py OLD_CHECKOUT [--new NEW_CHECKOUT] [--no-asr]
e.g. `git worktree add /tmp/old 257e6fe` then `python benchmarks/analyze_agree.py /tmp/old`. Each checkout's `analyze`
reads every clip of ../shared/data/av (the RAVDESS talking face and the CREMA-D videos and sounds) in a fresh process,
imported from that checkout's folder (the editable install's finder is set aside). Prints per clip the rows per modality
in each and the share of fused steps with the same label, and where faces were found in one but not the other.
"""
import argparse, json, os, subprocess, sys, tempfile
from pathlib import Path
import pandas as pd

DATA = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))
READ = '''import sys, json; sys.meta_path = [f for f in sys.meta_path if 'editable' not in repr(f).lower()]; sys.path.insert(0, sys.argv[1])
from emo_nb.analyze import analyze
for clip, out in json.loads(sys.argv[2]): analyze(clip, asr=sys.argv[3] == '1', progress=False).readings.to_csv(out, index=False)
'''

def read_all(tree:Path, clips:list, out:Path, asr:bool) -> list[Path]:
    "Each clip's readings by the checkout at `tree`, as CSV files in `out`."
    outs = [out/f'{Path(c).stem}.csv' for c in clips]
    subprocess.run([sys.executable, '-c', READ, str(tree), json.dumps([[str(c), str(o)] for c, o in zip(clips, outs)]), '1' if asr else '0'], check=True)
    return outs

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); ap.add_argument('old', type=Path)
    ap.add_argument('--new', type=Path, default=Path(__file__).resolve().parents[1]); ap.add_argument('--no-asr', action='store_true')
    a = ap.parse_args()
    clips = sorted(p for p in (DATA/'av').rglob('*') if p.suffix.lower() in ('.mp4', '.flv', '.mp3', '.wav'))
    if not clips: raise SystemExit(f'no clips in {DATA/"av"}')
    tmp = Path(tempfile.mkdtemp()); (tmp/'old').mkdir(); (tmp/'new').mkdir()
    olds, news = read_all(a.old, clips, tmp/'old', not a.no_asr), read_all(a.new, clips, tmp/'new', not a.no_asr)
    same = total = 0
    for c, o, n in zip(clips, olds, news):
        o, n = pd.read_csv(o), pd.read_csv(n)
        rows = lambda d: {k: int(v) for k, v in d.groupby('modality').size().items()}
        fo, fn = (d[d.modality == 'fused'].reset_index(drop=True) for d in (o, n))
        k = min(len(fo), len(fn)); agree = (fo.label[:k].fillna('-') == fn.label[:k].fillna('-'))
        same += agree.sum(); total += k
        faces = lambda d: int(d[(d.modality == 'face')].label.notna().sum())
        print(f"{c.name}: rows old {rows(o)} new {rows(n)}; faces read old {faces(o)} new {faces(n)}; fused labels agree {agree.mean():.0%} of {k} steps"
              + ('' if len(fo) == len(fn) else f' (fused steps {len(fo)} vs {len(fn)})'))
    print(f"all clips: fused labels agree on {same}/{total} steps ({same / total:.1%})")
