"""Speech speed and memory: per-hop latency of the stream, throughput on files, peak memory on long files.

Run: .venv/bin/python benchmarks/speech_speed.py [--busy]
--busy keeps one other core busy during the run (a busy-loop process started before and stopped after), as on a shared
machine. Uses RAVDESS clips from ../shared/data when present (else a synthetic voice). The 10-minute file is written to a
temporary folder; peak memory is measured in a fresh process per file length (its VmHWM).
"""
import argparse, os, platform, subprocess, sys, tempfile, time
from pathlib import Path
import numpy as np, soundfile as sf

DATA = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))

def voice(seconds:float) -> np.ndarray:
    "Real speech (RAVDESS clips joined) when available, else a synthetic vowel."
    from emo_nb.audio import load_audio
    clips = sorted((DATA/'ravdess').rglob('*.flac'))[:40]
    if clips:
        x = np.concatenate([load_audio(p) for p in clips])
    else:
        from emo_nb.audio import synth_voice
        x = synth_voice(10.0)
    return np.resize(x, int(seconds * 16_000)).astype(np.float32)

def encoder_cost(n=20):
    "Median ms of the Whisper layers alone for a 3 s window (the rest of a reading is pooling and the head)."
    from emo_nb.speech import speech_embedding
    x = voice(3.0); speech_embedding(x); ts = []
    for _ in range(n): t = time.perf_counter(); speech_embedding(x); ts.append(time.perf_counter() - t)
    return np.median(ts) * 1e3

def stream_latency(seconds=60):
    from emo_nb.speech import SpeechStream
    x, s, lat = voice(seconds), SpeechStream(window=3.0, hop=0.5), []
    s.feed(x[:48_000])  # warm-up: first reading, model load
    for i in range(48_000, len(x), 8_000):
        t = time.perf_counter(); out = s.feed(x[i:i + 8_000]); dt = time.perf_counter() - t
        if len(out): lat.append(dt * 1e3)
    return np.percentile(lat, [50, 90]), max(lat), len(lat)

def file_throughput(n=60):
    from emo_nb.speech import predict_speech
    clips = sorted((DATA/'ravdess').rglob('*.flac'))[:n]
    if not clips:
        tmp = Path(tempfile.mkdtemp()); x = voice(3.5)
        clips = [tmp/f'{i}.wav' for i in range(n)]
        for c in clips: sf.write(c, x, 16_000)
    predict_speech(clips[:2])
    t = time.perf_counter(); r = predict_speech(clips); dt = time.perf_counter() - t
    return r.end.sum() / dt, len(clips) / dt

def peak_memory_mb(path):
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over fork+exec, so a child would report its parent's peak
    code = (f"from emo_nb.speech import speech_timeline; r = speech_timeline({str(path)!r}, progress=False); "
            "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]; print(len(r), int(hwm) / 1024)")
    rows, mb = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout.split()
    return int(rows), float(mb)

def main(busy:bool):
    from emo_nb.speech import load_speech_head
    h = load_speech_head()
    print(f"host: {platform.node()} {platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}; "
          f"data: {'RAVDESS clips' if (DATA/'ravdess').is_dir() else 'synthetic voice'}; model: Whisper layers {h['layers']} "
          f"({h['compute_type']}) + linear head; {'one other core kept busy' if busy else 'no other load started'}")
    print(f"encoder + pooling for one 3 s window: {encoder_cost():.1f} ms (median)")
    (p50, p90), mx, n = stream_latency()
    print(f"stream, 3 s window, 0.5 s hop: per-hop latency p50 {p50:.1f} ms, p90 {p90:.1f} ms, max {mx:.1f} ms over {n} hops (target p90 <= 60 ms)")
    sps, fps = file_throughput()
    print(f"files (predict_speech, one reading per clip): {sps:.0f} s of audio per second, {fps:.1f} files/s (target >= 30)")
    tmp = Path(tempfile.mkdtemp())
    for minutes in (1, 10):
        sf.write(tmp/f'{minutes}min.flac', voice(60 * minutes), 16_000)
        t = time.perf_counter(); rows, mb = peak_memory_mb(tmp/f'{minutes}min.flac')
        dt = time.perf_counter() - t
        print(f"speech_timeline on a {minutes}-minute file: {rows} readings, peak RSS {mb:.0f} MB, {dt:.1f} s ({60 * minutes / dt:.0f} s of audio per second)")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--busy', action='store_true', help='keep one other core busy during the run')
    a = ap.parse_args()
    spin = subprocess.Popen([sys.executable, '-c', 'while True: pass']) if a.busy else None
    try: main(a.busy)
    finally:
        if spin: spin.terminate(); spin.wait()
