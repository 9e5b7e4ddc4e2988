"""Word error rate of `emo_nb.transcribe` on every RAVDESS speech clip in ../shared/data/ravdess (1,080 for actors 01-18).

Run: .venv/bin/python benchmarks/asr_wer.py [--limit N] [--beam K] [--threads T]
Each file name gives its sentence (statement 01 "Kids are talking by the door", 02 "Dogs are sitting by the door").
Words are compared lower-cased without punctuation; WER = (substitutions + deletions + insertions) / reference words,
summed over all clips. Prints the figure, the worst clips, and the CPU time per second of audio.
"""
import argparse, os, platform, re, time
from pathlib import Path
from tqdm.auto import tqdm

DATA = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))
SENTENCES = {1: 'kids are talking by the door', 2: 'dogs are sitting by the door'}

def words(text:str) -> list[str]:
    return re.sub(r"[^a-z' ]", ' ', text.lower()).split()

def edits(ref:list, hyp:list) -> int:
    "Word-level Levenshtein distance."
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--limit', type=int, default=0, help='read only the first N clips (0: all)')
    ap.add_argument('--beam', type=int, default=None, help="beam search width (default: transcribe's BEAM_SIZE)")
    ap.add_argument('--threads', type=int, default=2, help='CPU threads for decoding')
    a = ap.parse_args()
    from emo_nb.data import load_ravdess
    from emo_nb.audio import load_audio
    from emo_nb.transcribe import transcribe, load_asr, ASR_MODEL, BEAM_SIZE
    df = load_ravdess(DATA/'ravdess')
    if a.limit: df = df.iloc[:a.limit]
    beam = a.beam or BEAM_SIZE; load_asr(ASR_MODEL, a.threads)
    errs = ref_n = 0; secs = 0.0; worst = []
    t0, c0 = time.perf_counter(), time.process_time()
    for p, s in tqdm(zip(df.path, df.statement), total=len(df), desc='clips'):
        x = load_audio(p); secs += len(x) / 16_000
        hyp = ' '.join(transcribe(x, beam_size=beam, threads=a.threads).text.fillna(''))
        ref = SENTENCES[s].split(); e = edits(ref, words(hyp))
        errs += e; ref_n += len(ref)
        if e: worst.append((e, Path(p).name, hyp))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"host: {platform.node()}, {os.cpu_count()} cores; model: Whisper {ASR_MODEL} (faster-whisper, int8), beam {beam}, {a.threads} thread(s)")
    print(f"RAVDESS: {len(df)} clips, {ref_n} reference words, {errs} word errors: WER {errs / ref_n:.2%}")
    print(f"clips with any error: {len(worst)}; worst: " + '; '.join(f'{n}: "{h}"' for _, n, h in sorted(worst, reverse=True)[:8]))
    print(f"time: {wall:.0f} s wall, {cpu / secs:.2f} CPU-s per second of audio ({secs:.0f} s of audio; short clips are padded to 30 s by Whisper)")
