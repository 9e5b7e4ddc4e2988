"data_download/: resumable download, checksums, safe unpacking and plain messages, against a server on 127.0.0.1."
import hashlib, http.server, io, sys, threading, zipfile
from pathlib import Path
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]/'data_download'))
import fetch
from fetch import FetchError

class RangeHandler(http.server.BaseHTTPRequestHandler):
    "Serves `files` (name -> bytes), honouring `Range: bytes=N-`; records the ranges it was asked for."
    files, ranges = {}, []
    def do_GET(self):
        body = self.files.get(self.path.lstrip('/'))
        if body is None: self.send_error(404); return
        rng = self.headers.get('Range')
        self.ranges.append(rng)
        start = int(rng.split('=')[1].rstrip('-')) if rng else 0
        self.send_response(206 if rng else 200)
        self.send_header('Content-Length', str(len(body) - start)); self.end_headers()
        self.wfile.write(body[start:])
    def log_message(self, *a): pass

@pytest.fixture
def server():
    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), RangeHandler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    RangeHandler.ranges.clear()
    yield f'http://127.0.0.1:{srv.server_address[1]}'
    srv.shutdown()

def make_zip(members) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for name, data in members.items(): z.writestr(name, data)
    return buf.getvalue()

def test_download_resumes_from_part(server, tmp_path):
    body = bytes(range(256)) * 400
    RangeHandler.files = {'c.zip': body}
    dest = tmp_path/'c.zip'
    (tmp_path/'c.zip.part').write_bytes(body[:1000])
    fetch.download(f'{server}/c.zip', dest, progress=False)
    assert dest.read_bytes() == body and RangeHandler.ranges == ['bytes=1000-']
    assert not (tmp_path/'c.zip.part').exists()

def test_run_verifies_and_unpacks(server, tmp_path):
    z = make_zip({'Actor_01/03-01-05-02-01-01-01.wav': b'RIFF', 'Actor_02/03-01-03-01-01-01-02.wav': b'RIFF'})
    RangeHandler.files = {'rav.zip': z}
    spec = dict(name='ravdess', kind='url', layout='Actor_XX/*.wav',
                files=[dict(url=f'{server}/rav.zip', file='rav.zip', md5=hashlib.md5(z).hexdigest(), unpack=True)])
    to = fetch.run(spec, tmp_path/'ravdess')
    from emo_nb.data import load_ravdess
    assert list(load_ravdess(to).label) == ['angry', 'happy']
    fetch.run(spec, to)  # a second run finds everything in place
    assert len(RangeHandler.ranges) == 1

def test_checksum_mismatch_is_refused(server, tmp_path):
    RangeHandler.files = {'x.zip': make_zip({'a.txt': b'a'})}
    spec = dict(name='x', kind='url', layout='', files=[dict(url=f'{server}/x.zip', file='x.zip', md5='0' * 32, unpack=True)])
    with pytest.raises(FetchError, match=r'x.zip: md5 is [0-9a-f]{32}, expected 0{32}'): fetch.run(spec, tmp_path/'x')
    assert not (tmp_path/'x'/'a.txt').exists()

def test_unpublished_checksum_is_recorded_then_checked(tmp_path):
    f = tmp_path/'d.tsv'; f.write_text('hello')
    assert 'recorded SHA-256' in fetch.verify(f)
    assert fetch.verify(f) == 'sha256 matches the first download'
    f.write_text('changed')
    with pytest.raises(FetchError, match='differs from the one recorded'): fetch.verify(f)

def test_unsafe_archive_member_is_refused(tmp_path):
    (tmp_path/'evil.zip').write_bytes(make_zip({'../outside.txt': b'x'}))
    with pytest.raises(FetchError, match="would unpack outside"): fetch.unpack(tmp_path/'evil.zip', tmp_path/'to')
    assert not (tmp_path/'outside.txt').exists()

def test_html_instead_of_archive(tmp_path):
    (tmp_path/'page.zip').write_text('<html>login</html>')
    with pytest.raises(FetchError, match='neither a zip nor a tar archive'): fetch.unpack(tmp_path/'page.zip', tmp_path/'to')

def test_offline_message_names_what_to_fetch(tmp_path):
    with pytest.raises(FetchError, match=r'cannot reach 127.0.0.1:9 .*no network\? Fetch http://127.0.0.1:9/a.zip by hand and save it as'):
        fetch.download('http://127.0.0.1:9/a.zip', tmp_path/'a.zip', progress=False)

def test_kaggle_without_token(tmp_path, monkeypatch):
    monkeypatch.setenv('KAGGLE_CONFIG_DIR', str(tmp_path))
    for v in ('KAGGLE_USERNAME', 'KAGGLE_KEY'): monkeypatch.delenv(v, raising=False)
    with pytest.raises(FetchError, match='needs an API token'): fetch.run(fetch.load_spec('fer2013'), tmp_path/'fer')

def test_manual_corpus_and_cli_exit_code(tmp_path, capsys):
    assert fetch.main(['ckplus', '--to', str(tmp_path)]) == 2
    assert 'licensed per user' in capsys.readouterr().err
    assert fetch.main(['--list']) == 0 and 'goemotions' in capsys.readouterr().out
    assert fetch.main(['nope']) == 2 and "no download script for 'nope'" in capsys.readouterr().err

def test_every_spec_is_complete():
    for name in fetch.CORPORA:
        s = fetch.load_spec(name)
        assert s['name'] == name and s['licence'] and s['layout'] and s['kind'] in ('url', 'kaggle', 'manual')
