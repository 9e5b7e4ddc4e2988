"""`emo-nb analyze` on long talking-face clips: whole-process wall time, speed against real time, peak memory.

Run: .venv/bin/python benchmarks/analyze_speed.py [--minutes 1 10] [--no-asr]
Transcription (ASR) is on, as `emo-nb analyze` runs by default; --no-asr passes the same option on.
The clip is ../shared/data/av/01-01-07-02-02-01-01.mp4 (640x480, 4 s, with sound) repeated to the length asked, or a
640x480 clip made from scikit-image's astronaut with a synthetic voice when the data is absent. Each length runs as a
fresh `emo-nb analyze` process; its peak memory is the child's own high-water mark (VmHWM in /proc, polled until it
exits: ru_maxrss would carry over this parent's peak through fork and exec).
"""
import argparse, os, platform, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np

DATA = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))

def make_long_clip(seconds:float, out:Path) -> Path:
    "Repeat the source clip (frames and sound) to `seconds`, re-encoded as H.264 + AAC, streaming."
    import av
    src = DATA/'av'/'01-01-07-02-02-01-01.mp4'
    if src.exists():
        with av.open(str(src)) as c:
            frames = [f.to_ndarray(format='rgb24') for f in c.decode(video=0)]
        with av.open(str(src)) as c:
            rs = av.AudioResampler(format='flt', layout='mono', rate=16_000)
            audio = np.concatenate([f2.to_ndarray().reshape(-1) for f in c.decode(audio=0) for f2 in rs.resample(f)])
        fps = 30
    else:
        import cv2
        from skimage import data
        img = np.full((480, 640, 3), 70, np.uint8); img[60:420, 140:500] = cv2.resize(data.astronaut(), (360, 360))
        frames, fps = [img] * 120, 30
        from emo_nb.audio import synth_voice
        audio = synth_voice(4.0)
    n_frames, n_audio = int(seconds * fps), int(seconds * 16_000)
    with av.open(str(out), 'w') as c:
        v = c.add_stream('h264', rate=fps); v.width, v.height, v.pix_fmt = frames[0].shape[1], frames[0].shape[0], 'yuv420p'
        a = c.add_stream('aac', rate=16_000)
        for i in range(n_frames):
            for p in v.encode(av.VideoFrame.from_ndarray(frames[i % len(frames)], format='rgb24')): c.mux(p)
        for p in v.encode(): c.mux(p)
        for i in range(0, n_audio, 1024):
            idx = np.arange(i, min(i + 1024, n_audio)) % len(audio)
            f = av.AudioFrame.from_ndarray(audio[idx][None].astype(np.float32), format='flt', layout='mono'); f.sample_rate = 16_000
            for p in a.encode(f): c.mux(p)
        for p in a.encode(): c.mux(p)
    return out

def run_analyze(clip:Path, asr:bool=True) -> tuple[float, float]:
    "Wall time and peak RSS (MB) of one `emo-nb analyze` process."
    exe, err = Path(sys.executable).with_name('emo-nb'), clip.with_suffix('.err')
    t, hwm = time.perf_counter(), 0
    with open(err, 'w') as ef:
        p = subprocess.Popen([str(exe), 'analyze', str(clip), '--out', str(clip.with_suffix('.csv'))] + ([] if asr else ['--no-asr']),
                             stdout=subprocess.DEVNULL, stderr=ef)
        while p.poll() is None:
            try: hwm = max(hwm, int(next(l for l in open(f'/proc/{p.pid}/status') if l.startswith('VmHWM')).split()[1]))
            except (OSError, StopIteration): pass
            time.sleep(0.1)
    wall = time.perf_counter() - t
    if p.returncode: raise SystemExit(err.read_text()[-2000:])
    return wall, hwm / 1024

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); ap.add_argument('--minutes', type=float, nargs='+', default=[1, 10])
    ap.add_argument('--no-asr', action='store_true', help='analyze without transcribing the soundtrack')
    a = ap.parse_args()
    print(f"host: {platform.node()} {platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}; "
          f"clip: {'RAVDESS 01-01-07-02-02-01-01.mp4 repeated' if (DATA/'av').is_dir() else 'synthetic astronaut'} (640x480)")
    tmp = Path(tempfile.mkdtemp())
    for m in a.minutes:
        clip = make_long_clip(60 * m, tmp/f'{m:g}min.mp4')
        wall, mb = run_analyze(clip, not a.no_asr)
        import pandas as pd
        rd = pd.read_csv(clip.with_suffix('.csv'))
        print(f"{m:g}-minute clip, ASR {'off' if a.no_asr else 'on'}: emo-nb analyze took {wall:.1f} s ({60 * m / wall:.1f}x faster than real time), "
              f"peak RSS {mb:.0f} MB; {(rd.modality == 'text').sum()} text readings from the soundtrack")
