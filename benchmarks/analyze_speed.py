"""`emo-nb analyze` on long talking-face clips: whole-process wall time, speed against real time, peak memory.

Run: .venv/bin/python benchmarks/analyze_speed.py [--minutes 1 10] [--repeat N] [--busy] [--no-asr] [--serial]
Transcription (ASR) is on, as `emo-nb analyze` runs by default; --no-asr passes the same option on. --busy keeps one
other core busy during the runs (a busy-loop process), as on a shared machine; --serial reads faces, voice and words one
after another (EMO_NB_SERIAL=1), as before the readers ran concurrently. Each run prints where its time went, from
`emo-nb analyze --timings`: startup (the interpreter and imports, before any work), each reader's model load and its
reading (the readers run at the same time, so these overlap), fusion and summary, writing the file, and the rest
(exit: freeing memory, threads ending).
The clip is ../shared/data/av/01-01-07-02-02-01-01.mp4 (640x480, 4 s, with sound) repeated to the length asked, or a
640x480 clip made from scikit-image's astronaut with a synthetic voice when the data is absent. Each length runs as a
fresh `emo-nb analyze` process; its peak memory is the child's own high-water mark (VmHWM in /proc, polled until it
exits: ru_maxrss would carry over this parent's peak through fork and exec).
"""
import argparse, os, platform, re, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np
sys.path.insert(0, str(Path(__file__).parent)); from _common import astronaut, busy_core, host_line

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
        img = np.full((480, 640, 3), 70, np.uint8); img[60:420, 140:500] = cv2.resize(astronaut(), (360, 360))
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

def run_analyze(clip:Path, asr:bool=True, serial:bool=False) -> tuple[float, float, dict]:
    "Wall time, peak RSS (MB) and the stage seconds of one `emo-nb analyze --timings` process."
    exe, err = Path(sys.executable).with_name('emo-nb'), clip.with_suffix('.err')
    env = {**os.environ, **({'EMO_NB_SERIAL': '1'} if serial else {})}
    t, hwm = time.perf_counter(), 0
    with open(err, 'w') as ef:
        p = subprocess.Popen([str(exe), 'analyze', str(clip), '--out', str(clip.with_suffix('.csv')), '--timings'] + ([] if asr else ['--no-asr']),
                             stdout=subprocess.DEVNULL, stderr=ef, env=env)
        while p.poll() is None:
            try: hwm = max(hwm, int(next(l for l in open(f'/proc/{p.pid}/status') if l.startswith('VmHWM')).split()[1]))
            except (OSError, StopIteration): pass
            time.sleep(0.05)
    wall = time.perf_counter() - t
    if p.returncode: raise SystemExit(err.read_text()[-2000:])
    line = next(l for l in err.read_text().splitlines() if l.startswith('emo-nb: seconds: '))
    stages = {k.strip(): float(v) for k, v in re.findall(r'([a-z ]+?) (\d+\.\d+)(?:,|$)', line[len('emo-nb: seconds: '):])}
    return wall, hwm / 1024, stages

def breakdown(wall:float, st:dict) -> str:
    "The stages of one run, in the order they happen."
    readers = [k for k in ('face', 'speech', 'transcription') if k in st]
    parts = [f"startup {st.get('startup', float('nan')):.2f}"] + [f"{k} load {st[k + ' load']:.2f} + read {st[k]:.2f}" for k in readers if k + ' load' in st]
    rest = wall - st.get('startup', 0) - st['total'] - st.get('writing', 0)
    return '; '.join(parts + [f"fusion {st['fusion']:.2f}", f"analyze() {st['total']:.2f}", f"writing {st.get('writing', 0):.2f}", f"exit {rest:.2f}"])

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); ap.add_argument('--minutes', type=float, nargs='+', default=[1, 10])
    ap.add_argument('--no-asr', action='store_true', help='analyze without transcribing the soundtrack')
    ap.add_argument('--busy', action='store_true', help='keep one other core busy during the runs')
    ap.add_argument('--serial', action='store_true', help='read faces, voice and words one after another (EMO_NB_SERIAL=1)')
    ap.add_argument('--repeat', type=int, default=1, help='runs per length (each a fresh process)')
    a = ap.parse_args()
    print(host_line() + f"; clip: {'RAVDESS 01-01-07-02-02-01-01.mp4 repeated' if (DATA/'av').is_dir() else 'synthetic astronaut'} (640x480, 30 fps); "
          f"{'one other core kept busy' if a.busy else 'no other load started'}; readers {'one after another' if a.serial else 'concurrent'}")
    tmp = Path(tempfile.mkdtemp())
    clips = {m: make_long_clip(60 * m, tmp/f'{m:g}min.mp4') for m in a.minutes}
    import pandas as pd
    with busy_core(a.busy):
        for m, clip in clips.items():
            for _ in range(a.repeat):
                wall, mb, st = run_analyze(clip, not a.no_asr, a.serial)
                rd = pd.read_csv(clip.with_suffix('.csv'))
                print(f"{m:g}-minute clip, ASR {'off' if a.no_asr else 'on'}: emo-nb analyze took {wall:.1f} s ({60 * m / wall:.1f}x faster than real time), "
                      f"peak RSS {mb:.0f} MB; {(rd.modality == 'text').sum()} text readings from the soundtrack\n    seconds: {breakdown(wall, st)}", flush=True)
