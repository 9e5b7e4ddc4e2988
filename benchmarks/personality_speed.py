"""Big Five speed: an essay of about 650 words read one at a time by `predict_big_five`, and the cold start.

Run: .venv/bin/python benchmarks/personality_speed.py [--n 50] [--busy]
--busy keeps one other core busy during the run (a busy-loop process started before and stopped after), as on a shared
machine. Prints the host, versions and BLAS threads with the figures. Uses the Pennebaker & King essays of 600-700 words
when ../shared/data is present, else essays it builds from a fixed vocabulary (so any clone can run it).
"""
import argparse, os, platform, random, subprocess, sys, time
from pathlib import Path
import numpy as np
sys.path.insert(0, str(Path(__file__).parent)); from _common import busy_core

def essays(n:int) -> list[str]:
    data = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))
    f = data/'text'/'essays'/'essays.csv'
    if f.is_file():
        from emo_nb.data import load_essays
        texts = [t for t in load_essays(f).text if 600 <= len(t.split()) <= 700]
        random.Random(0).shuffle(texts)
    else:
        rng = random.Random(0)
        words = 'i feel so happy sad tired about the class my friends roommate really not very think today week home'.split()
        texts = [' '.join(rng.choices(words, k=650)) for _ in range(n)]
    return (texts * (n // len(texts) + 1))[:n]

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); ap.add_argument('--n', type=int, default=50)
    ap.add_argument('--busy', action='store_true', help='keep one other core busy during the run')
    a = ap.parse_args()
    with busy_core(a.busy): run(a)

def run(a):
    t0 = time.perf_counter()
    from emo_nb.personality import load_big_five, predict_big_five
    from emo_nb.text import load_text_model
    m = load_big_five(); load_text_model(); cold = time.perf_counter() - t0  # the encoder it reads the token embeddings of
    texts = essays(a.n)
    predict_big_five(texts[:2], m)  # warm-up
    each = []
    for s in texts: t = time.perf_counter(); predict_big_five(s, m); each.append(time.perf_counter() - t)
    from emo_nb.personality import big_five_features
    part = {}
    for c in [c for c in m.components if c != 'tfidf']:
        t = time.perf_counter(); [big_five_features([s], [c]) for s in texts[:20]]; part[c] = (time.perf_counter() - t) / 20
    words = np.mean([len(s.split()) for s in texts])
    print(f"host: {platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}, numpy {np.__version__}")
    from threadpoolctl import threadpool_info
    blas = ', '.join(f"{i['internal_api']} {i['num_threads']} threads" for i in threadpool_info() if i['user_api'] == 'blas')
    print(f"model: big-five ({' + '.join(m.components)}); BLAS: {blas} by default; "
          f"{'one other core kept busy' if a.busy else 'no other load started'} (load average {os.getloadavg()[0]:.2f})")
    print(f"essays: {len(texts)}, mean {words:.0f} words")
    print(f"cold start (import + load weights, text-minilm's included): {cold:.2f} s")
    print(f"predict_big_five one at a time: mean {1e3*np.mean(each):.1f} ms, p50 {1e3*np.percentile(each, 50):.1f} ms, "
          f"p90 {1e3*np.percentile(each, 90):.1f} ms, max {1e3*np.max(each):.1f} ms")
    print('of which features: ' + ', '.join(f'{c} {1e3*v:.1f} ms' for c, v in part.items()))

if __name__ == '__main__': main()
