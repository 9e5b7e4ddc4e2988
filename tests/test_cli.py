"The installed `emo-nb` console script, as a user runs it (a subprocess)."
import csv, io, json, subprocess, sysconfig
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

from conftest import DATA, TEXT, needs

@needs('av/crema-d')
def test_predict_speech_on_crema_d_clips():
    "Another corpus and two other formats (FLV soundtracks, MP3) through the command: one reading per clip."
    r = run('predict', 'speech', str(DATA/'av'/'crema-d'))
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 12 and all(x['label'] for x in rows)
    assert [Path(x['input']).suffix for x in rows] == ['.flv'] * 6 + ['.mp3'] * 6

# Issue #16: bad and long input. No hangs, no tracebacks, nothing lost.
import os, shutil, signal, time
import numpy as np
import pytest

def one_line_error(r, *words):
    "A user mistake: exit 2, one line on stderr naming the problem, no traceback, nothing on stdout."
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 2 and len(lines) == 1 and lines[0].startswith('emo-nb: error:') and r.stdout == '', r.stderr
    assert all(w in lines[0] for w in words), lines[0]

def test_a_1mb_text_is_read_in_seconds(tmp_path):
    "VADER on a whole 1 MB text took minutes (it is quadratic); chunked and capped it is seconds, end to end."
    rng = np.random.default_rng(0)
    words = 'i feel so happy sad angry scared today about the interview my job friend really not very'.split()
    text = ' '.join(rng.choice(words, 200_000))[:1_000_000]
    (tmp_path/'long_1mb.txt').write_text(text + '\n')
    t = time.perf_counter(); r = run('predict', 'text', '--file', str(tmp_path/'long_1mb.txt')); secs = time.perf_counter() - t
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()  # the input column holds the whole text: more than csv's field limit
    assert len(rows) == 2 and rows[1].split(',')[1] in ('neutral', 'happy', 'sad', 'angry', 'fearful', 'disgust', 'surprised'), rows[1][-200:]
    assert secs <= 10, secs

def test_numeric_options_are_checked(tmp_path):
    for args, words in ((['analyze', 'x.mp4', '--fps', '-1'], ['--fps', 'must be a positive number, got -1']),
                        (['analyze', 'x.mp4', '--fps', '0'], ['--fps']), (['analyze', 'x.mp4', '--fps', 'nan'], ['--fps']),
                        (['analyze-many', 'x.mp4', '--out-dir', str(tmp_path), '--workers', '0'], ['--workers']),
                        (['analyze-many', 'x.mp4', '--out-dir', str(tmp_path), '--workers', '1.5'], ['--workers', 'not an integer'])):
        one_line_error(run(*args), *words)

def test_outputs_are_checked_before_any_work(tmp_path):
    "--plot or --out into a folder that does not exist is refused before the recording is read (it was a traceback after the CSV)."
    r = run('analyze', '--text', 'I am happy', '--out', str(tmp_path/'r.csv'), '--plot', str(tmp_path/'nope'/'t.png'))
    one_line_error(r, 'nope', 'does not exist')
    assert not (tmp_path/'r.csv').exists()
    one_line_error(run('predict', 'text', 'hi', '--out', str(tmp_path/'nope'/'o.csv')), 'does not exist')

def test_empty_file_and_empty_stdin_agree(tmp_path):
    (tmp_path/'empty.txt').write_text('')
    one_line_error(run('predict', 'text', '--file', str(tmp_path/'empty.txt')), 'no text to read', 'is empty')
    one_line_error(run('predict', 'text', '--file', '-', stdin=''), 'no text to read', 'stdin is empty')

def test_encoding_errors_name_the_option(tmp_path):
    (tmp_path/'l1.txt').write_bytes('caf\xe9 au lait\n'.encode('latin-1'))
    one_line_error(run('predict', 'text', '--file', str(tmp_path/'l1.txt')), 'not utf-8 text', '--encoding latin-1')
    r = subprocess.run([str(EMO_NB), 'predict', 'text', '--file', '-'], input='caf\xe9\n'.encode('latin-1'), capture_output=True, timeout=120)
    assert r.returncode == 2 and b'--encoding latin-1' in r.stderr and b'Traceback' not in r.stderr
    r = run('predict', 'text', '--file', str(tmp_path/'l1.txt'), '--encoding', 'latin-1')
    assert r.returncode == 0 and 'café au lait' in r.stdout

def _faces(tmp_path):
    import cv2
    from skimage import data as skdata
    cv2.imwrite(str(tmp_path/'a_astronaut.png'), skdata.astronaut()[..., ::-1])
    cv2.imwrite(str(tmp_path/'tiny.png'), np.full((1, 1), 128, np.uint8))
    (tmp_path/'broken.jpg').write_bytes(b'not an image')

def test_face_stderr_holds_only_the_packages_lines(tmp_path):
    "No TensorFlow Lite XNNPACK banner, no OpenCV [ WARN ] lines: stderr is the package's own messages."
    _faces(tmp_path)
    r = run('predict', 'face', str(tmp_path/'a_astronaut.png'), str(tmp_path/'broken.jpg'))
    assert r.returncode == 0 and 'XNNPACK' not in r.stderr and 'WARN' not in r.stderr, r.stderr
    assert all(l.startswith('emo-nb: ') for l in r.stderr.strip().splitlines()), r.stderr

def test_tiny_crop_is_too_small_and_a_video_is_named(tmp_path):
    _faces(tmp_path)
    r = run('predict', 'face', '--crops', str(tmp_path/'tiny.png'))
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert r.returncode == 0 and rows[0]['label'] == '' and 'face too small' in r.stderr
    (tmp_path/'clip.mp4').write_bytes(b'\0' * 1000)
    r = run('predict', 'face', str(tmp_path/'clip.mp4'))
    assert 'a video, not an image' in r.stderr and 'emo-nb analyze' in r.stderr

SETPRIV = shutil.which('setpriv')

def without_override(*args, **kw):
    "Run emo-nb as root without the capabilities that let root read any file (so permissions apply)."
    return subprocess.run([SETPRIV, '--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search', '--', str(EMO_NB), *args],
                          capture_output=True, text=True, timeout=120, **kw)

@pytest.mark.skipif(os.geteuid() == 0 and not SETPRIV, reason='runs as root and setpriv is missing: cannot drop the override that lets root read any file')
def test_unreadable_files(tmp_path):
    "A locked file alone: one line, exit 2. Among others: a no-reading row with the reason, the rest read."
    _faces(tmp_path)
    (tmp_path/'locked.txt').write_text('I am happy\n'); (tmp_path/'locked.txt').chmod(0)
    shutil.copy(tmp_path/'a_astronaut.png', tmp_path/'b_locked.png'); (tmp_path/'b_locked.png').chmod(0)
    go = without_override if os.geteuid() == 0 else run
    one_line_error(go('predict', 'text', '--file', str(tmp_path/'locked.txt')), 'locked.txt', 'Permission denied')
    r = go('predict', 'face', str(tmp_path/'a_astronaut.png'), str(tmp_path/'b_locked.png'))
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert r.returncode == 0 and [x['label'] != '' for x in rows] == [True, False], r.stderr
    assert 'Permission denied' in r.stderr and 'Traceback' not in r.stderr
    one_line_error(go('analyze', str(tmp_path/'b_locked.png')), 'Permission denied')

def test_undecodable_audio_is_one_clear_failure(tmp_path):
    (tmp_path/'random.wav').write_bytes(np.random.default_rng(0).bytes(100_000))
    one_line_error(run('analyze', str(tmp_path/'random.wav')), 'nothing could be decoded')
    r = run('analyze-many', str(tmp_path/'random.wav'), '--out-dir', str(tmp_path/'out'), '--workers', '1')
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert r.returncode == 1 and rows[0]['status'] == 'failed' and 'nothing could be decoded' in rows[0]['error']

def _stat(pid):
    "State and parent of a process from /proc (None if it is gone)."
    try: fields = Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()
    except (OSError, IndexError): return None
    return fields[0], int(fields[1])

def _children(pid):
    return [int(d.name) for d in Path('/proc').iterdir() if d.name.isdigit() and (_stat(d.name) or ('', 0))[1] == pid]

def _alive(pids):
    return [p for p in pids if (_stat(p) or ('Z',))[0] != 'Z']

@pytest.mark.skipif(not Path('/proc/self/stat').exists(), reason='needs /proc to find the worker processes')
def test_sigterm_ends_analyze_many_workers_and_keeps_finished_work(tmp_path):
    import soundfile as sf
    from emo_nb.audio import synth_voice
    (tmp_path/'in').mkdir()
    for i in range(6): sf.write(tmp_path/'in'/f'v{i}.wav', synth_voice(8.0, 120 + 10 * i), 16_000)
    p = subprocess.Popen([str(EMO_NB), 'analyze-many', str(tmp_path/'in'), '--out-dir', str(tmp_path/'out'), '--workers', '2'],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline, workers = time.time() + 90, []
        while time.time() < deadline and not list((tmp_path/'out').glob('v*.csv')):  # the first finished recording
            workers = _children(p.pid) or workers; time.sleep(0.2)
        assert list((tmp_path/'out').glob('v*.csv')), 'no recording finished in 90 s'
        workers = _children(p.pid) or workers
        p.send_signal(signal.SIGTERM)
        out, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None: p.kill()
    assert p.returncode == 143 and 'Traceback' not in err and 'run the same command to resume' in err, err
    time.sleep(1)
    assert workers and not _alive(workers), f'workers left running: {_alive(workers)}'
    m = list(csv.DictReader(open(tmp_path/'out'/'analyze_many.csv')))
    done = [x for x in m if x['status'] == 'done']
    assert done and all(Path(x['output']).exists() for x in done)
    assert {x['status'] for x in m} <= {'done', 'interrupted'} and any(x['status'] == 'interrupted' for x in m)
    r = run('analyze-many', str(tmp_path/'in'), '--out-dir', str(tmp_path/'out'), '--workers', '2')  # resumes: finished ones skipped
    m2 = list(csv.DictReader(io.StringIO(r.stdout)))
    assert r.returncode == 0 and [x['status'] == 'skipped' for x in m2] == [x['status'] == 'done' for x in m]

@needs(*TEXT)
@pytest.mark.slow
def test_score_text_reproduces_the_model_card():
    "Issue #15: one command rescores the shipped text model on the three dev sets, with the card's figures."
    from emo_nb.core import read_card
    r = run('score-text', str(DATA))
    assert r.returncode == 0, r.stderr
    card = read_card('text-minilm')
    for name, col, key in (('MELD dev', 2, 'meld_dev_acc'), ('MELD dev', 3, 'meld_dev_macro_f1'),
                           ('GoEmotions-Ekman dev', 3, 'goemotions_dev_macro_f1'), ('dair-ai val, love aside', 2, 'dair_val_acc_no_love')):
        line = next(l for l in r.stdout.splitlines() if l.startswith(name) and len(l.split()) > 3)
        assert abs(float(line.split()[-3 + col - 1]) - float(card[key])) < 1e-3, (line, key, card[key])
    assert 'precision' in r.stdout and 'surprised' in r.stdout

# Issue #26: outputs take their format from the extension, Ctrl-C is one line, --version, stdin, transcript encodings.
def test_out_extension_sets_the_format(tmp_path):
    r = run('predict', 'text', 'I am so happy!', '--out', str(tmp_path/'r.json'))
    assert r.returncode == 0 and json.loads((tmp_path/'r.json').read_text())[0]['label'] == 'happy', r.stderr
    one_line_error(run('predict', 'text', 'hi', '--out', str(tmp_path/'r.xlsx')), 'r.xlsx', 'give --out a .csv or .json file')
    one_line_error(run('predict', 'text', 'hi', '--out', str(tmp_path/'r.csv'), '--format', 'json'), '--format json', 'says csv')
    one_line_error(run('transcribe', 'x.wav', '--out', str(tmp_path/'w.docx')), 'give --out a .csv, .json, .srt or .vtt file')
    assert not (tmp_path/'r.xlsx').exists() and not (tmp_path/'r.csv').exists()

def test_transcribe_out_srt_writes_subtitles(tmp_path):
    import soundfile as sf
    sf.write(tmp_path/'hush.wav', np.zeros(16_000, np.float32), 16_000)
    r = run('transcribe', str(tmp_path/'hush.wav'), '--out', str(tmp_path/'w.srt'))
    assert r.returncode == 0 and (tmp_path/'w.srt').read_text() == '', ((tmp_path/'w.srt').read_text(), r.stderr)  # no cue: not a CSV header

def test_version():
    from emo_nb import __version__
    r = run('--version')
    assert r.returncode == 0 and r.stdout.strip() == f'emo-nb {__version__}', r

def test_predict_text_reads_piped_stdin_without_dash():
    r = run('predict', 'text', stdin='I am terrified of the dark.\n')
    assert r.returncode == 0 and list(csv.DictReader(io.StringIO(r.stdout)))[0]['label'] == 'fearful', r.stderr

def test_ctrl_c_is_one_line_and_exit_130(tmp_path):
    "SIGINT while `predict text` waits on stdin (the package is loaded): one line, status 130, no traceback."
    p = subprocess.Popen([str(EMO_NB), 'predict', 'text', '--file', '-'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)  # imports done: now blocked reading stdin
        p.send_signal(signal.SIGINT); out, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None: p.kill()
    assert p.returncode == 130 and err.strip() == 'emo-nb: interrupted', (p.returncode, err[-2000:])

def test_transcript_encoding_flag(tmp_path):
    (tmp_path/'latin.srt').write_bytes('1\n00:00:00,000 --> 00:00:01,500\nUn café, très bien.\n'.encode('latin-1'))
    one_line_error(run('analyze', '--transcript', str(tmp_path/'latin.srt'), '--text', 'ok'), 'not utf-8 text', '--encoding latin-1')
    r = run('analyze', '--transcript', str(tmp_path/'latin.srt'), '--encoding', 'latin-1', '--text', 'ok')
    assert r.returncode == 0 and 'Un café, très bien.' in r.stdout, r.stderr
    one_line_error(run('analyze', '--transcript', str(tmp_path/'latin.srt'), '--encoding', 'klingon'), "unknown encoding 'klingon'")

def test_analyze_many_lists_what_it_does_not_read_and_keeps_same_names_apart(tmp_path):
    import soundfile as sf
    from emo_nb.audio import synth_voice
    for d, f0 in (('s1', 120), ('s2', 200)):
        (tmp_path/d).mkdir(); sf.write(tmp_path/d/'interview.wav', synth_voice(3.0, f0), 16_000)
    (tmp_path/'s1'/'notes.txt').write_text('hello')
    out = str(tmp_path/'out')
    r1 = run('analyze-many', str(tmp_path/'s1'), '--out-dir', out, '--workers', '1', '--no-asr')
    r2 = run('analyze-many', str(tmp_path/'s2'/'interview.wav'), '--out-dir', out, '--workers', '1', '--no-asr')
    assert r1.returncode == 0 and r2.returncode == 0, (r1.stderr, r2.stderr)
    m = list(csv.DictReader(open(tmp_path/'out'/'analyze_many.csv')))
    assert sorted((Path(x['input']).parent.name, Path(x['input']).name, x['status']) for x in m) == \
        [('s1', 'interview.wav', 'done'), ('s1', 'notes.txt', 'ignored'), ('s2', 'interview.wav', 'done')]
    assert len({x['output'] for x in m if x['status'] == 'done'}) == 2

def test_ctrl_c_on_analyze_many_is_one_line(tmp_path):
    "SIGINT to a batch with worker processes: its one line, 130, and no resource_tracker 'leaked semaphore' warning."
    import soundfile as sf, glob
    from emo_nb.audio import synth_voice
    (tmp_path/'in').mkdir()
    for i in range(6): sf.write(tmp_path/'in'/f'v{i}.wav', synth_voice(12.0, 110 + 15 * i), 16_000)
    p = subprocess.Popen([str(EMO_NB), 'analyze-many', str(tmp_path/'in'), '--out-dir', str(tmp_path/'out'), '--workers', '2', '--no-asr'],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 120
        while time.time() < deadline and not list((tmp_path/'out').glob('v*.csv')): time.sleep(0.2)
        p.send_signal(signal.SIGINT); out, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None: p.kill()
    assert p.returncode == 130 and err.strip().splitlines() == [f"emo-nb: stopped; finished recordings are kept in {tmp_path/'out'} (see analyze_many.csv); run the same command to resume"], err
