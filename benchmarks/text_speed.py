"""Text model speed: sentences per second read one at a time and in a batch, and the cold start.

Run: .venv/bin/python benchmarks/text_speed.py [--n 2000]
Prints the host, versions and thread count with the figures. Uses the dair-ai val texts when ../shared/data is
present, else sentences it builds from a fixed vocabulary (so any clone can run it).
"""
import argparse, os, platform, random, time
from pathlib import Path
import numpy as np

def sentences(n:int) -> list[str]:
    data = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))/'text'/'dair_emotion'
    if data.is_dir():
        from emo_nb.data import load_dair_emotion
        texts = list(load_dair_emotion(data).text)
    else:
        rng = random.Random(0)
        words = 'i feel so happy sad angry scared today about the interview my job friend really not very'.split()
        texts = [' '.join(rng.choices(words, k=rng.randint(5, 25))) for _ in range(n)]
    return (texts * (n // len(texts) + 1))[:n]

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); ap.add_argument('--n', type=int, default=2000)
    a = ap.parse_args()
    t0 = time.perf_counter()
    from emo_nb.text import load_text_model, predict_text
    m = load_text_model(); cold = time.perf_counter() - t0
    texts = sentences(a.n)
    predict_text(texts[:20], m)  # warm-up
    t = time.perf_counter(); [predict_text(s, m) for s in texts]; single = time.perf_counter() - t
    t = time.perf_counter(); predict_text(texts, m); batch = time.perf_counter() - t
    t = time.perf_counter(); m.predict_proba(texts); raw = time.perf_counter() - t
    words = np.mean([len(s.split()) for s in texts])
    print(f"host: {platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}")
    print(f"texts: {len(texts)}, mean {words:.1f} words")
    print(f"cold start (import + load weights): {cold:.2f} s")
    print(f"predict_text one at a time: {len(texts)/single:,.0f} sentences/s ({1e3*single/len(texts):.2f} ms each, readings table included)")
    print(f"predict_text batched:       {len(texts)/batch:,.0f} sentences/s")
    print(f"model.predict_proba only:   {len(texts)/raw:,.0f} sentences/s ({1e3*raw/len(texts):.3f} ms each)")

if __name__ == '__main__': main()
