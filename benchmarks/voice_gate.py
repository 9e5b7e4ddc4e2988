"""The speech readers' voice gate (`emo_nb.speech.why_no_voice`: Silero VAD, and Whisper's no-speech probability where Silero doubts a voiced clip): share of real speech clips it keeps, share of non-speech it refuses.

Run: .venv/bin/python benchmarks/voice_gate.py [--per-corpus N] [--all]
Real speech: every RAVDESS clip and N clips (default 300, evenly spaced; --all: every clip) of each voices corpus in
../shared/data. Non-speech: a synthetic set (tones, hum, a chord sequence and a melody, white/pink/brown noise at several
rates and levels, DC offsets, clicks, a 6-channel 8-bit noise file), written to files at their own rates and read back
through `load_audio` as the speech readers read them. Prints, for Silero alone at each threshold and minimum of voice, the share
kept and refused; then the whole gate's figures per corpus and per kind of sound, the clips it drops, and its time per 3 s.
"""
import argparse, os, sys, tempfile, time
from pathlib import Path
import numpy as np, soundfile as sf
from tqdm.auto import tqdm

DATA = Path(os.environ.get('EMO_NB_DATA', Path(__file__).resolve().parents[2]/'shared'/'data'))
THRESHOLDS, MINIMA = (0.3, 0.4, 0.5, 0.6, 0.7), (0.1, 0.15, 0.2, 0.25, 0.3, 0.4)

def real_clips(per_corpus):
    "RAVDESS (all) and an even sample of each voices corpus, as (corpus, path)."
    out = [('ravdess', p) for p in sorted((DATA/'ravdess').rglob('*.flac'))]
    for c in sorted(p for p in (DATA/'voices').glob('*') if p.is_dir()):
        fs = sorted(c.rglob('*.ogg'))
        if per_corpus and len(fs) > per_corpus: fs = [fs[i] for i in np.linspace(0, len(fs) - 1, per_corpus).round().astype(int)]
        out += [(c.name, p) for p in fs]
    return out

def synthetic(folder:Path):
    "Non-speech files: (kind, path), each 3-5 s, at its own rate, channel count and bit depth."
    rng, out = np.random.default_rng(0), []
    def put(kind, x, sr, subtype='FLOAT', name=None):
        p = folder/f'{name or kind}-{len(out)}.wav'; sf.write(p, np.asarray(x, np.float32), sr, subtype=subtype); out.append((kind, p))
    def t(sr, s=3.0): return np.arange(int(s * sr)) / sr
    for sr in (16_000, 44_100):
        for f in (100, 220, 440, 1000, 3000):
            for a in (.05, .5): put('tone', a * np.sin(2 * np.pi * f * t(sr)), sr)
        put('square 440', .3 * np.sign(np.sin(2 * np.pi * 440 * t(sr))), sr)
        tt = t(sr); put('sweep', .3 * np.sin(2 * np.pi * (100 * tt + (4000 - 100) / 6 * tt ** 2)), sr)  # 100 Hz to 4 kHz
        put('tone 440 5 s', .3 * np.sin(2 * np.pi * 440 * t(sr, 5.0)), sr)
    for mains in (50, 60):
        for a in (.02, .3):
            tt = t(16_000, 5.0); put('hum', a * sum(np.sin(2 * np.pi * k * mains * tt) / k for k in (1, 2, 3, 5)) / 1.8, 16_000)
    for sr in (16_000, 44_100):  # music: a chord sequence of piano-like notes, and a melody
        chords = [(261.6, 329.6, 392.0), (349.2, 440.0, 523.3), (392.0, 493.9, 587.3), (261.6, 329.6, 392.0)] * 3
        for beat in (0.5, 1.0):
            tt = t(sr, beat); x = np.concatenate([sum(np.exp(-3 * tt) * sum(np.sin(2 * np.pi * h * f * tt) / h ** 2 for h in (1, 2, 3, 4)) for f in ch) / 6 for ch in chords])
            put('music chords', x[:int(5 * sr)], sr)
        notes = 440 * 2 ** (np.array([0, 2, 4, 5, 7, 9, 11, 12, 11, 9, 7, 5, 4, 2, 0, 4]) / 12)
        tt = t(sr, .25); put('music melody', np.concatenate([.4 * np.exp(-4 * tt) * sum(np.sin(2 * np.pi * h * f * tt) / h for h in (1, 2, 3)) for f in notes]), sr)
    for sr in (8_000, 16_000, 22_050, 44_100, 48_000):  # noise: colours, levels, rates
        n = int(3 * sr)
        for a in (.003, .05, .3):
            w = rng.normal(0, 1, n); put('white noise', a * w / np.abs(w).max(), sr)
            spec = np.fft.rfft(rng.normal(0, 1, n)); f = np.fft.rfftfreq(n, 1 / sr); f[0] = f[1]
            pk = np.fft.irfft(spec / np.sqrt(f), n); put('pink noise', a * pk / np.abs(pk).max(), sr)
            br = np.cumsum(rng.normal(0, 1, n)); br -= br.mean(); put('brown noise', a * br / np.abs(br).max(), sr)
    for sr in (16_000, 48_000):
        for dc in (-.3, .1, .5, .9): put('DC offset', np.full(int(5 * sr), dc), sr)
        put('DC + faint noise', .5 + .001 * rng.normal(0, 1, int(5 * sr)), sr)
    for sr in (16_000, 44_100):
        for rate in (1, 5, 20, 100):
            x = np.zeros(int(3 * sr)); x[::sr // rate] = .9; put('clicks', x, sr)
        x = np.zeros(int(3 * sr)); x[rng.integers(0, len(x), 30)] = rng.choice([-.9, .9], 30); put('random clicks', x, sr)
    for sr in (8_000, 16_000, 44_100):  # multichannel 8-bit noise, as the issue found it
        put('6-channel 8-bit noise', rng.uniform(-.9, .9, (int(3 * sr), 6)), sr, 'PCM_U8')
    put('silence', np.zeros(3 * 16_000), 16_000)
    return out

def voice_seconds(x, probs):
    "Seconds of frames at or above each threshold."
    return np.array([(probs >= th).sum() * 512 / 16_000 for th in THRESHOLDS])

def measure(items):
    "Per item: seconds of voice at each threshold, and whether the whole gate (`why_no_voice`: span, Silero, then Whisper) passes it."
    from emo_nb.audio import load_audio, voice_probs
    from emo_nb.speech import why_no_voice
    secs, kept = [], []
    for _, p in tqdm(items, leave=False, mininterval=5):
        x = load_audio(p); secs.append(voice_seconds(x, voice_probs(x))); kept.append(why_no_voice(x) == '')
    return np.array(secs), np.array(kept)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--per-corpus', type=int, default=300); ap.add_argument('--all', action='store_true')
    a = ap.parse_args()
    from emo_nb.audio import VAD_THRESHOLD, MIN_VOICE, voice_probs, synth_voice
    from emo_nb.speech import MIN_VOICED, VOICE_HINT, MAX_NO_SPEECH, why_no_voice
    tmp = Path(tempfile.mkdtemp()); fake = synthetic(tmp)
    real = real_clips(0 if a.all else a.per_corpus) if (DATA/'ravdess').is_dir() else []
    t0 = time.perf_counter(); fs, fkept = measure(fake); rs, kept = measure(real); dt = time.perf_counter() - t0
    print(f"{len(real)} real speech clips, {len(fake)} synthetic non-speech files; measured in {dt:.0f} s")
    print('\nSilero VAD alone: share of real clips kept / share of non-speech refused, by threshold (rows) and seconds of voice needed (columns)')
    print('thr   ' + ''.join(f'{m:>15.2f}' for m in MINIMA))
    for i, th in enumerate(THRESHOLDS):
        print(f'{th:<5} ' + ''.join(f'{(rs[:, i] >= m).mean() if len(rs) else np.nan:>7.1%}/{(fs[:, i] < m).mean():<7.1%}' for m in MINIMA))
    i = THRESHOLDS.index(VAD_THRESHOLD)
    silero = rs[:, i] >= MIN_VOICE
    print(f'\nthe gate (why_no_voice): a voiced span of {MIN_VOICED} s, Silero at {VAD_THRESHOLD} for {MIN_VOICE} s, '
          f'else Whisper no-speech < {MAX_NO_SPEECH} where a Silero frame reaches {VOICE_HINT}')
    corpora = [c for c, _ in real]
    for c in dict.fromkeys(corpora):
        m = np.array(corpora) == c
        print(f'  {c:8s} kept {kept[m].mean():7.2%} of {m.sum():5d} clips ({(~kept[m]).sum()} dropped); Silero alone (no span check) {silero[m].mean():7.2%}')
    if len(real): print(f'  all real  kept {kept.mean():7.2%} of {len(real)} clips; Silero alone {silero.mean():7.2%}')
    kinds = [k for k, _ in fake]
    for k in dict.fromkeys(kinds):
        m = np.array(kinds) == k
        print(f'  {k:22s} refused {(~fkept[m]).mean():7.1%} of {m.sum():3d} (most Silero voice heard: {fs[m, i].max():.2f} s)')
    print(f'  all non-speech refused {(~fkept).mean():.1%} of {len(fake)}')
    for (c, p), k in zip(real, kept):
        if not k: print(f'  dropped: {p}')
    x = synth_voice(3.0); voice_probs(x); ts = []
    for _ in range(50): t = time.perf_counter(); voice_probs(x); ts.append(time.perf_counter() - t)
    print(f'\nvoice_probs on 3 s: p50 {np.median(ts) * 1e3:.1f} ms, p90 {np.percentile(ts, 90) * 1e3:.1f} ms (one thread)')
    from emo_nb.whisper import no_speech_prob
    no_speech_prob(x); ts = []
    for _ in range(10): t = time.perf_counter(); no_speech_prob(x); ts.append(time.perf_counter() - t)
    print(f'no_speech_prob (Whisper tiny.en, only for clips Silero doubts): p50 {np.median(ts) * 1e3:.0f} ms (one thread)')

if __name__ == '__main__': main()
