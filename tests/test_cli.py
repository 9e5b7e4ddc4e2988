"The installed `emo-nb` console script, as a user runs it (a subprocess)."
import csv, io, subprocess, sysconfig
from pathlib import Path

EMO_NB = Path(sysconfig.get_path('scripts'))/'emo-nb'

def run(*args, stdin=None):
    return subprocess.run([str(EMO_NB), *args], capture_output=True, text=True, input=stdin, timeout=120)

def test_predict_text_from_stdin_keeps_order():
    r = run('predict', 'text', '--file', '-', stdin='I am so happy for you!\nI am terrified of the dark.\n')
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [x['input'] for x in rows] == ['I am so happy for you!', 'I am terrified of the dark.']
    assert [x['label'] for x in rows] == ['happy', 'fearful']

def test_user_mistakes_are_one_line_no_traceback():
    for args in (['predict', 'text', '--file', '/nonexistent/answers.txt'], ['predict', 'speech', 'a.wav'], ['predict', 'face', 'missing/'], ['predict', 'text']):
        r = run(*args)
        assert r.returncode == 2 and 'Traceback' not in r.stderr and r.stderr.strip().startswith('emo-nb: error:'), r.stderr

def test_help_lists_every_modality():
    r = run('predict', '--help')
    assert r.returncode == 0 and all(m in r.stdout for m in ('text', 'face', 'speech'))

from conftest import DATA, needs_data

@needs_data
def test_predict_speech_on_crema_d_clips():
    "Another corpus and two other formats (FLV soundtracks, MP3) through the command: one reading per clip."
    r = run('predict', 'speech', str(DATA/'av'/'crema-d'))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 12 and all(x['label'] for x in rows)
    assert [Path(x['input']).suffix for x in rows] == ['.flv'] * 6 + ['.mp3'] * 6
