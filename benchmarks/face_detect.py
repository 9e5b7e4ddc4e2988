"""Face detection: recall and speed of the BlazeFace detector (the default) and the Haar cascade, side by side.

Run: .venv/bin/python benchmarks/face_detect.py [--busy] [--reps 30] [--no-photos] [--align | --geometry]
Recall
- ExpW photos: ../shared/data/faces/expw-photos/boxes.csv, 416 labelled faces in 400 web photos; a face counts as found
  when a detected box overlaps it with IoU >= 0.4 (not every face in a photo is labelled, so no false-alarm count).
- Pictures it builds on a smooth random background from 20 different faces: 20 TFEID performers (frontal, posed), or
  "mixed": 10 of them and 10 ExpW crops (web photos: some turned, gray or occluded); scikit-image's astronaut 20 times
  without ../shared/data. A 1920x1080 group picture of 20 faces each 5% of the width (96 px), frontal and mixed; a 900x800
  picture of 20 mixed faces (112 px); a 3840x2160 frame with one 420 px face. A pasted face counts as
  found when a box's centre falls inside it; a box whose centre is in no pasted face is a false alarm.
Speed: ms per detector call on the group picture scaled to 640x360, 1280x720 and 1920x1080 (median wall-clock time of --reps
calls after a warm-up, and the process's CPU time per call; BlazeFace reads the colour frame, Haar the gray one). The load
average is printed with the host: on a shared machine the CPU time is the steadier figure.
--busy keeps one other core busy during the run (a busy-loop process started before and stopped after).
--align: instead, whether levelling the eyes before the expression network helps: each TFEID face and every third ExpW
crop (padded by half its size in gray), its top BlazeFace detection cut as frame_faces cuts it, or turned about the box's
centre so that the line between the eye keypoints is level; accuracy of the shipped network on both against the folder's
label, and on the Haar cascade's box where the cascade finds the face too.
--geometry: instead, BlazeFace's raw box against the Haar cascade's on the faces both find (every third TFEID face and
every 20th ExpW crop, padded by 64 gray pixels): the median width ratio and centre offsets, in BlazeFace box widths
(emo_nb.face.BOX_SCALE and BOX_RISE come from these).
"""
import argparse, os, platform, subprocess, sys, time
from pathlib import Path
import numpy as np, pandas as pd, cv2
sys.path.insert(0, str(Path(__file__).parent)); from _common import astronaut

DATA = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))
FACE_SHARE = 0.7  # the face's width as a share of a TFEID image or an ExpW crop (ExpW crops carry a 20% margin)

def face_images(n=20, wild=True):
    "n different colour face images (BGR): TFEID performers (frontal, posed), with ExpW crops (web photos: turned, gray, occluded) for half of them if `wild`; the astronaut without the corpora."
    tf, ew = DATA/'faces'/'tfeid'/'neutral', DATA/'faces'/'expw'
    if tf.is_dir() and ew.is_dir():
        seen, out = set(), []
        for p in sorted(tf.glob('*.jpg')):
            if p.name[:2] not in seen and len(out) < (n // 2 if wild else n): seen.add(p.name[:2]); out.append(p)
        crops = sorted(ew.glob('*/*.jpg'))
        if wild: out += crops[::len(crops) // (n - len(out))][:n - len(out)]
        return [cv2.imread(str(p)) for p in out]
    a = astronaut()[45:195, 147:297, ::-1]  # the face (about 100 px) with a margin, as TFEID frames it
    return [a] * n

def background(w, h, seed=0):
    "A smooth random colour background."
    small = np.random.default_rng(seed).integers(40, 220, (18, 32, 3)).astype(np.uint8)  # the same 18x32 blotches at any size
    return cv2.GaussianBlur(cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC), (0, 0), w / 400)

def picture(faces, w, h, face_px, cols, rows, seed=0):
    "Faces pasted on a grid with random jitter: the image and the pasted squares (x0, y0, x1, y1)."
    img, rng, boxes = background(w, h, seed), np.random.default_rng(seed), []
    side = int(round(face_px / FACE_SHARE)); cw, ch = w // cols, h // rows
    for k, f in enumerate(faces[:cols * rows]):
        r, c = divmod(k, cols)
        x0 = c * cw + int(rng.integers(0, max(1, cw - side))); y0 = r * ch + int(rng.integers(0, max(1, ch - side)))
        img[y0:y0 + side, x0:x0 + side] = cv2.resize(f, (side, side), interpolation=cv2.INTER_AREA if side < f.shape[0] else cv2.INTER_CUBIC)
        boxes.append((x0, y0, x0 + side, y0 + side))
    return img, np.array(boxes)

def found(det, squares):
    "Pasted faces found and false alarms: a box's centre inside a pasted square."
    cx, cy = det[:, 0] + det[:, 2] / 2, det[:, 1] + det[:, 3] / 2
    inside = (cx[:, None] > squares[:, 0]) & (cx[:, None] < squares[:, 2]) & (cy[:, None] > squares[:, 1]) & (cy[:, None] < squares[:, 3])
    return int(inside.any(0).sum()), int((~inside.any(1)).sum())

def photo_recall(detect, gray):
    "Share of expw-photos' labelled faces found (IoU >= 0.4) and ms per photo."
    from emo_nb.face import iou, to_gray
    folder = DATA/'faces'/'expw-photos'
    boxes = pd.read_csv(folder/'boxes.csv'); hit, t = 0, 0.0
    for name, g in boxes.groupby('image'):
        img = cv2.imread(str(folder/'images'/name))
        if gray: img = to_gray(img)
        t0 = time.perf_counter(); d = detect(img); t += time.perf_counter() - t0
        truth = np.column_stack([g.left, g.top, g.right - g.left, g.bottom - g.top])
        if len(d): hit += int((iou(truth, d).max(1) >= 0.4).sum())
    return hit / len(boxes), len(boxes), t / boxes.image.nunique() * 1e3

def detectors():
    from emo_nb.face import BlazeDetector, HaarDetector, to_gray
    blaze, haar240, haar640 = BlazeDetector(), HaarDetector(), HaarDetector(detect_width=640, min_face=0.04)
    return {'blazeface (default, colour)': (blaze, False), 'blazeface on gray': (blaze, True),
            'haar 240 px (old default)': (lambda im: haar240(to_gray(im)), True),
            'haar 640 px, min_face 0.04': (lambda im: haar640(to_gray(im)), True)}

def ms_per_call(detect, img, reps):
    "Median wall-clock ms of a call, and the process's CPU ms per call (less sensitive to other work on the machine)."
    detect(img); ts = []; c = time.process_time()
    for _ in range(reps): t = time.perf_counter(); detect(img); ts.append(time.perf_counter() - t)
    return np.median(ts) * 1e3, (time.process_time() - c) / reps * 1e3

def level_crop(gray, box, eyes, size=48, margin=0.1):
    "One face's crop turned about the box's centre so that the line between its eyes is level."
    x, y, w, h = box[:4]; (ax, ay), (bx, by) = sorted(map(tuple, np.asarray(eyes, float)))
    cx, cy, sx, sy = x + w / 2, y + h / 2, w * (1 + 2 * margin), h * (1 + 2 * margin)
    t = np.arctan2(by - ay, bx - ax); c, s = np.cos(t), np.sin(t)
    M = np.array([[c * sx / size, -s * sy / size, 0], [s * sx / size, c * sy / size, 0]])  # output pixel -> frame point
    M[:, 2] = [cx, cy] - M[:, :2] @ [size / 2, size / 2]
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA) if sx > 4 * size else None  # big faces: average first
    if small is not None: M[:, :2] /= 2; M[:, 2] /= 2; gray = small
    return cv2.warpAffine(gray, M, (size, size), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_REPLICATE)

def align(a):
    from emo_nb.face import BlazeDetector, HaarDetector, to_gray, face_crops, classify_faces, FACE_MODEL
    from emo_nb.core import read_card
    classes = [c.strip() for c in read_card(FACE_MODEL)['classes'].split(',')]
    det, haar = BlazeDetector(), HaarDetector()
    print(f"host: {platform.node()}, {os.cpu_count()} cores; model {FACE_MODEL}")
    faces = DATA/'faces'
    for corpus, paths in (('tfeid', sorted((faces/'tfeid').glob('*/*.jpg'))), ('expw', sorted((faces/'expw').glob('*/*.jpg'))[::3])):
        res, angles = {'plain': [], 'level': [], 'haar box': [], 'plain where haar finds': []}, []
        for p in paths:
            im = cv2.imread(str(p)); pad = im.shape[0] // 2
            big = cv2.copyMakeBorder(im, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=(128, 128, 128)); gray = to_gray(big)
            b, kp = det.detect(big)
            if not len(b): continue
            j = int(b[:, 4].argmax()); e = kp[j, :2]
            angles.append(abs(np.degrees(np.arctan2(e[1, 1] - e[0, 1], e[1, 0] - e[0, 0]))))
            read = lambda crop: classes[int(classify_faces(crop[None] if crop.ndim == 2 else crop)[0].argmax())] == p.parent.name
            res['plain'].append(read(face_crops(gray, b[j:j + 1]))); res['level'].append(read(level_crop(gray, b[j], e)))
            h = haar(gray)
            if len(h): res['haar box'].append(read(face_crops(gray, h[h[:, 4].argmax()][None]))); res['plain where haar finds'].append(res['plain'][-1])
        print(f"{corpus}: {len(paths)} faces, BlazeFace finds {len(res['plain'])}; accuracy " +
              ', '.join(f"{k} {np.mean(v):.1%} ({len(v)})" for k, v in res.items()) +
              f"; |eye-line angle| median {np.median(angles):.1f} deg, 90th percentile {np.percentile(angles, 90):.1f}", flush=True)

def geometry():
    import emo_nb.face as F
    F.BOX_RISE = 0.0; blaze, haar = F.BlazeDetector(box_scale=1.0), F.HaarDetector()  # BlazeFace's own boxes
    faces = DATA/'faces'
    for corpus, paths in (('tfeid', sorted((faces/'tfeid').glob('*/*.jpg'))[::3]), ('expw', sorted((faces/'expw').glob('*/*.jpg'))[::20])):
        r = []
        for p in paths:
            big = cv2.copyMakeBorder(cv2.imread(str(p)), 64, 64, 64, 64, cv2.BORDER_CONSTANT, value=(128, 128, 128))
            h, b = haar(F.to_gray(big)), blaze(big)
            if len(h) == 1 and len(b) == 1:
                (hx, hy, hw, hh, _), (bx, by, bw, bh, _) = h[0], b[0]
                r.append((hw / bw, (hx + hw / 2 - bx - bw / 2) / bw, (hy + hh / 2 - by - bh / 2) / bw))
        r = np.array(r)
        print(f"{corpus}: {len(r)} of {len(paths)} faces found once by both; Haar/BlazeFace width median {np.median(r[:, 0]):.3f} "
              f"(quartiles {np.percentile(r[:, 0], 25):.3f}-{np.percentile(r[:, 0], 75):.3f}); Haar's centre minus BlazeFace's, "
              f"in BlazeFace widths: x {np.median(r[:, 1]):+.3f}, y {np.median(r[:, 2]):+.3f}", flush=True)

def run(a):
    from emo_nb.face import to_gray
    print(f"host: {platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}; "
          f"opencv {cv2.__version__}; busy core: {'yes' if a.busy else 'no'}; load average {os.getloadavg()[0]:.2f}")
    faces, frontal = face_images(), face_images(wild=False)
    group, gsq = picture(frontal, 1920, 1080, 96, 5, 4)
    wild, wsq = picture(faces, 1920, 1080, 96, 5, 4)
    small, ssq = picture(faces, 900, 800, 112, 5, 4, seed=1)
    k4, ksq = picture(faces[:1], 3840, 2160, 420, 1, 1, seed=2)
    print(f"faces: {'20 TFEID performers (frontal); mixed: 10 of them and 10 ExpW crops' if (DATA/'faces'/'tfeid').is_dir() else 'astronaut'}")
    for name, (det, gray) in detectors().items():
        prep = (lambda im: to_gray(im)) if gray else (lambda im: im)
        g, m = found(det(prep(group)), gsq), found(det(prep(wild)), wsq)
        s, k = found(det(prep(small)), ssq), found(det(prep(k4)), ksq)
        line = (f"{name:28s} 1920x1080 frontal {g[0]}/20 (false {g[1]}), mixed {m[0]}/20 (false {m[1]}); 900x800 mixed {s[0]}/20 (false {s[1]}); "
                f"4K {k[0]}/1 (false {k[1]})")
        if not a.no_photos and (DATA/'faces'/'expw-photos').is_dir():
            r, n, ms = photo_recall(det, gray)
            line += f"; expw-photos recall {r:.1%} of {n} ({ms:.1f} ms/photo)"
        ms = [ms_per_call(det, prep(cv2.resize(group, wh, interpolation=cv2.INTER_AREA)), a.reps) for wh in ((640, 360), (1280, 720), (1920, 1080))]
        print(line + "; ms/frame (wall median, CPU) " + ', '.join(f"{r} {w:.1f}, {c:.1f}" for r, (w, c) in zip(('640x360', '1280x720', '1920x1080'), ms)), flush=True)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--busy', action='store_true', help='keep one other core busy during the run')
    ap.add_argument('--reps', type=int, default=30); ap.add_argument('--no-photos', action='store_true')
    ap.add_argument('--align', action='store_true', help='measure eye levelling before the expression network instead')
    ap.add_argument('--geometry', action='store_true', help="measure BlazeFace's box against the Haar cascade's instead")
    a = ap.parse_args()
    busy = subprocess.Popen([sys.executable, '-c', 'while True: pass']) if a.busy else None
    try: align(a) if a.align else geometry() if a.geometry else run(a)
    finally:
        if busy: busy.terminate(); busy.wait()
