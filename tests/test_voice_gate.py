"The voice gate (issue #26, item 1): every synthetic non-speech file reads 'no voice'; real speech clips keep their reading."
import sys, tempfile
from pathlib import Path
import numpy as np
from conftest import ROOT, DATA, needs_data

sys.path.insert(0, str(ROOT/'benchmarks'))
import voice_gate  # the benchmark's synthetic set and corpus sampling

def test_non_speech_is_no_voice(tmp_path):
    "Tones, a sweep, hum, chords and a melody, white/pink/brown noise at five rates and three levels, DC, clicks, 6-channel 8-bit noise."
    from emo_nb.speech import predict_speech
    files = voice_gate.synthetic(tmp_path)
    r = predict_speech([p for _, p in files])
    heard = [(k, p.name) for (k, p), why in zip(files, r.reason) if why != 'no voice']
    assert len(files) >= 100 and not heard and r.label.isna().all(), heard

@needs_data
def test_real_speech_keeps_its_reading():
    "Every RAVDESS clip (99.4% measured) and 60 of each voices corpus (ASED's quietest clips are the hardest): at least 99% and 97% pass."
    from emo_nb.audio import load_audio, has_voice
    clips = voice_gate.real_clips(60)
    ravdess = [p for c, p in clips if c == 'ravdess']
    others = [(c, p) for c, p in clips if c != 'ravdess']
    kept_r = np.mean([has_voice(load_audio(p)) for p in ravdess])
    kept_o = np.mean([has_voice(load_audio(p)) for _, p in others])
    assert len(ravdess) == 1080 and kept_r >= .99 and kept_o >= .97, (kept_r, kept_o)
