"""Shared by tests/test_browser.py and benchmarks/live_latency.py: JupyterLab on 127.0.0.1 and Debian Chromium with a fake
camera and microphone made from the real clip in ../shared/data/av (when present) or from scikit-image's astronaut."""
import json, os, secrets, shutil, socket, subprocess, sys, time
from contextlib import contextmanager
from pathlib import Path
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get('EMO_NB_DATA', ROOT.parent/'shared'/'data'))
CHROMIUM = shutil.which('chromium') or '/usr/bin/chromium'

def write_y4m(frames, path, fps=30):
    "Frames (RGB, even sides) as a raw YUV 4:2:0 y4m file, the format Chromium's fake camera reads."
    import cv2
    h, w = frames[0].shape[:2]
    with open(path, 'wb') as f:
        f.write(f'YUV4MPEG2 W{w} H{h} F{fps}:1 Ip A1:1 C420jpeg\n'.encode())
        for rgb in frames: f.write(b'FRAME\n' + cv2.cvtColor(rgb, cv2.COLOR_RGB2YUV_I420).tobytes())

SENTENCES = {'01': 'Kids are talking by the door.', '02': 'Dogs are sitting by the door.'}  # RAVDESS's two statements

def fake_voice(gap=1.0):
    "Two spoken sentences with a pause between them (RAVDESS clips when ../shared is present, else espeak-ng), and their texts."
    from emo_nb.audio import load_audio
    clips = [DATA/'ravdess'/'Actor_01'/'03-01-03-01-01-01-01.flac', DATA/'ravdess'/'Actor_02'/'03-01-05-01-02-01-02.flac']
    if all(c.exists() for c in clips): parts = [load_audio(c) for c in clips]
    else:
        import tempfile
        if not shutil.which('espeak-ng'): raise RuntimeError('the fake microphone needs ../shared/data or espeak-ng (apt-get install espeak-ng)')
        parts = []
        for text in SENTENCES.values():
            wav = Path(tempfile.mkdtemp())/'said.wav'
            subprocess.run(['espeak-ng', '-w', str(wav), text], check=True)
            parts.append(load_audio(wav))
    pause = np.zeros(int(gap * 16_000), np.float32)
    return np.concatenate([parts[0], pause, parts[1]]), list(SENTENCES.values())

def fake_devices(tmp:Path, empty_seconds:float=4.5):
    """cam.y4m and mic.wav that loop together: a face while two sentences are spoken, then an empty scene in silence.

    The face is the real clip's when ../shared is present, else scikit-image's astronaut; the voice comes from `fake_voice`."""
    import cv2, soundfile as sf
    voice, _ = fake_voice()
    n_face, n_empty = int(len(voice) / 16_000 * 30), int(empty_seconds * 30)
    clip = DATA/'av'/'01-01-07-02-02-01-01.mp4'
    if clip.exists():
        from emo_nb.face import iter_frames
        faces = [cv2.resize(f[..., ::-1], (320, 240)) for _, f in iter_frames(clip, fps=None)]
    else:
        from skimage import data
        img = np.full((240, 320, 3), 70, np.uint8); img[20:220, 60:260] = cv2.resize(data.astronaut(), (200, 200))
        faces = [img]
    empty = np.tile(np.linspace(60, 140, 320, dtype=np.uint8)[None, :, None], (240, 1, 3))  # a wall: no face
    write_y4m([faces[i % len(faces)] for i in range(n_face)] + [empty] * n_empty, tmp/'cam.y4m')
    sf.write(tmp/'mic.wav', np.concatenate([voice, np.zeros(int(empty_seconds * 16_000), np.float32)]), 16_000, subtype='PCM_16')
    return tmp/'cam.y4m', tmp/'mic.wav'

def free_port():
    with socket.socket() as s: s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def chromium_args(cam, mic) -> list[str]:
    "Flags that work as root, offline, with fake devices (../shared/NOTES.md)."
    return ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
            '--disable-sync', '--disable-quic', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
            '--autoplay-policy=no-user-gesture-required', f'--use-file-for-fake-video-capture={cam}', f'--use-file-for-fake-audio-capture={mic}']

def write_notebook(tmp_path:Path, cells) -> Path:
    "demo.ipynb in `tmp_path` holding the code `cells` (a string or a list of strings)."
    cells = [cells] if isinstance(cells, str) else cells
    nb = {'cells': [{'cell_type': 'code', 'metadata': {}, 'outputs': [], 'execution_count': None, 'source': c} for c in cells],
          'metadata': {'kernelspec': {'name': 'python3', 'display_name': 'Python 3', 'language': 'python'}}, 'nbformat': 4, 'nbformat_minor': 5}
    (tmp_path/'demo.ipynb').write_text(json.dumps(nb))
    return tmp_path/'demo.ipynb'

@contextmanager
def _server(tmp_path:Path, args:list[str], url:str, port:int, name:str):
    "Start a Jupyter server process with private settings, wait for its port, yield (url, process), stop it by its PID."
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(tmp_path/'settings'), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path/'ws'),
               JUPYTER_RUNTIME_DIR=str(tmp_path/'rt'), JUPYTER_CONFIG_DIR=str(tmp_path/'cfg'), TF_CPP_MIN_LOG_LEVEL='2')
    log = open(tmp_path/f'{name}.log', 'w')
    proc = subprocess.Popen([sys.executable, '-m', *args], stdout=log, stderr=log, env=env, cwd=tmp_path)
    try:
        for _ in range(120):
            try: socket.create_connection(('127.0.0.1', port), timeout=1).close(); break
            except OSError: time.sleep(.5)
        yield url, proc
    finally:
        proc.terminate()
        try: proc.wait(20)
        except subprocess.TimeoutExpired: proc.kill()

def jupyterlab(tmp_path:Path, cells):
    "JupyterLab on 127.0.0.1 with a random port and token, private settings, and demo.ipynb holding `cells`; yields its URL."
    write_notebook(tmp_path, cells)
    port, token = free_port(), secrets.token_hex(16)
    args = ['jupyterlab', '--no-browser', '--allow-root', '--ip=127.0.0.1', f'--port={port}', f'--IdentityProvider.token={token}',
            f'--ServerApp.root_dir={tmp_path}']
    return _server(tmp_path, args, f'http://127.0.0.1:{port}/lab/tree/demo.ipynb?token={token}', port, 'lab')

def voila(tmp_path:Path, cells):
    "Voila serving demo.ipynb (holding `cells`) on 127.0.0.1 with a random port and token; yields its URL."
    nb = write_notebook(tmp_path, cells)
    port, token = free_port(), secrets.token_hex(16)
    args = ['voila', str(nb), '--no-browser', '--Voila.ip=127.0.0.1', f'--port={port}', f'--token={token}']
    return _server(tmp_path, args, f'http://127.0.0.1:{port}/?token={token}', port, 'voila')

def run_first_cell(page, url):
    "Open the notebook and run its first cell (the cursor moves on to the next)."
    page.goto(url, timeout=120_000)
    page.wait_for_selector('.jp-Notebook .jp-Cell .cm-content', timeout=120_000)
    page.wait_for_timeout(3000)
    page.click('.jp-Notebook .jp-Cell .cm-content')
    page.keyboard.press('Shift+Enter')

def run_cell(page, i:int, expect:str, timeout=60_000):
    "Run cell `i` and wait until its output shows `expect`: proof that the kernel is alive and not blocked."
    page.click(f'.jp-Notebook .jp-Cell:nth-child({i + 1}) .cm-content')
    page.keyboard.press('Shift+Enter')
    page.wait_for_selector(f'.jp-Notebook .jp-Cell:nth-child({i + 1}) .jp-OutputArea-output:has-text("{expect}")', timeout=timeout)
