"""Text model speed: sentences per second read one at a time and in a batch, and the cold start.

Run: .venv/bin/python benchmarks/text_speed.py [--model text-minilm] [--n 2000] [--busy] [--no-blas-limit]
--model names a shipped text model (default: the package's default, text-minilm; text-tfidf-cnn is the n-gram model);
--busy keeps one other core busy during the run (a busy-loop process started before and stopped after), as on a shared
machine; --no-blas-limit lets numpy's BLAS use its default threads (emo_nb.core.BLAS_THREADS and BATCH_BLAS_THREADS
= None), as before #16. Prints the host, versions and thread count with the figures. Uses the dev texts of MELD,
GoEmotions-Ekman and dair-ai, shuffled together, when ../shared/data is present, else sentences it builds from a fixed
vocabulary (so any clone can run it).
"""
import argparse, os, platform, random, subprocess, sys, time
from pathlib import Path
import numpy as np
sys.path.insert(0, str(Path(__file__).parent)); from _common import busy_core

def sentences(n:int) -> list[str]:
    data = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))
    if (data/'text'/'meld').is_dir():
        from emo_nb.text_encoder_train import text_dev_sets
        texts = [t for df in text_dev_sets(data).values() for t in df.text]
        random.Random(0).shuffle(texts)
    else:
        rng = random.Random(0)
        words = 'i feel so happy sad angry scared today about the interview my job friend really not very'.split()
        texts = [' '.join(rng.choices(words, k=rng.randint(5, 25))) for _ in range(n)]
    return (texts * (n // len(texts) + 1))[:n]

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); ap.add_argument('--n', type=int, default=2000)
    ap.add_argument('--model', default=None, help='a shipped text model (default: the default text model)')
    ap.add_argument('--busy', action='store_true', help='keep one other core busy during the run')
    ap.add_argument('--no-blas-limit', action='store_true', help="leave numpy's BLAS at its default threads")
    a = ap.parse_args()
    with busy_core(a.busy): run(a)

def run(a):
    t0 = time.perf_counter()
    import emo_nb.text
    from emo_nb.text import load_text_model, predict_text
    if a.no_blas_limit: emo_nb.core.BLAS_THREADS = emo_nb.core.BATCH_BLAS_THREADS = None
    m = load_text_model(a.model or emo_nb.text.TEXT_MODEL); cold = time.perf_counter() - t0
    texts = sentences(a.n)
    predict_text(texts[:20], m)  # warm-up (imports, VADER's lexicon)
    def cold_cache():  # each timing starts without the n-grams and vocabulary ids cached by the one before
        if hasattr(emo_nb.text, '_word_grams'): emo_nb.text._word_grams.cache_clear()
        for x in (m, getattr(m, 'ngram', None)): x is None or x.__dict__.pop('_word_ids', None)
    cold_cache(); each = []
    for s in texts: t = time.perf_counter(); predict_text(s, m); each.append(time.perf_counter() - t)
    single = sum(each)
    cold_cache(); t, c = time.perf_counter(), time.process_time(); predict_text(texts, m); batch, batch_cpu = time.perf_counter() - t, time.process_time() - c
    cold_cache(); t = time.perf_counter(); m.predict_proba(texts); raw = time.perf_counter() - t
    words = np.mean([len(s.split()) for s in texts])
    print(f"host: {platform.node()} {platform.processor() or platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}")
    from threadpoolctl import threadpool_info
    blas = ', '.join(f"{i['internal_api']} {i['num_threads']} threads" for i in threadpool_info() if i['user_api'] == 'blas')
    print(f"model: {a.model or emo_nb.text.TEXT_MODEL}")
    print(f"BLAS: {blas} by default; while the text model runs: {emo_nb.core.BLAS_THREADS or 'default'} "
          f"({emo_nb.core.BATCH_BLAS_THREADS or 'default'} for a batch of 64 or more); "
          f"{'one other core kept busy' if a.busy else 'no other load started'} (load average {os.getloadavg()[0]:.2f})")
    print(f"texts: {len(texts)}, mean {words:.1f} words")
    print(f"cold start (import + load weights): {cold:.2f} s")
    print(f"predict_text one at a time: {len(texts)/single:,.0f} sentences/s ({1e3*single/len(texts):.2f} ms each on average, "
          f"p50 {1e3*np.percentile(each, 50):.2f} ms, p90 {1e3*np.percentile(each, 90):.2f} ms; readings table and valence included)")
    print(f"predict_text batched:       {len(texts)/batch:,.0f} sentences/s ({len(texts)/batch_cpu:,.0f} per CPU-second of this process)")
    print(f"model.predict_proba only:   {len(texts)/raw:,.0f} sentences/s ({1e3*raw/len(texts):.3f} ms each)")

if __name__ == '__main__': main()
