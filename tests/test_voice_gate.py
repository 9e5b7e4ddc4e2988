"The voice gate (issue #26, item 1): every synthetic non-speech file reads 'no voice'; real speech clips keep their reading."
import sys, tempfile
from pathlib import Path
import numpy as np
from conftest import ROOT, DATA, VOICES, needs

sys.path.insert(0, str(ROOT/'benchmarks'))
import voice_gate  # the benchmark's synthetic set and corpus sampling

def test_non_speech_is_no_voice(tmp_path):
    "Tones, a sweep, hum, chords and a melody, white/pink/brown noise at five rates and three levels, DC, clicks, 6-channel 8-bit noise."
    from emo_nb.speech import predict_speech
    files = voice_gate.synthetic(tmp_path)
    r = predict_speech([p for _, p in files])
    heard = [(k, p.name) for (k, p), why in zip(files, r.reason) if why != 'no voice']
    assert len(files) >= 100 and not heard and r.label.isna().all(), heard

@needs('ravdess', *VOICES)
def test_real_speech_keeps_its_reading():
    "Every RAVDESS clip and 60 of each voices corpus through the whole gate (Silero, then Whisper where Silero doubts): at least 99% of each pass."
    from emo_nb.audio import load_audio
    from emo_nb.speech import why_no_voice
    clips = voice_gate.real_clips(60)
    kept = {}
    for c, p in clips: kept.setdefault(c, []).append(why_no_voice(load_audio(p)) == '')
    assert len(kept['ravdess']) == 1080 and len(kept) == 6, {c: len(v) for c, v in kept.items()}
    assert all(np.mean(v) >= .99 for v in kept.values()), {c: np.mean(v) for c, v in kept.items()}

@needs('ravdess', 'voices/ased')
def test_whisper_keeps_what_silero_misses():
    "A strong-intensity fearful RAVDESS clip and an ASED clip in which Silero VAD hears under 0.15 s of voice: Whisper's no-speech probability keeps them."
    from emo_nb.audio import load_audio, has_voice
    from emo_nb.speech import why_no_voice, predict_speech
    paths = [next((DATA/'ravdess').rglob('03-01-06-02-02-02-06.flac')), next((DATA/'voices'/'ased').rglob('f2-04-02-01-21.ogg'))]
    xs = [load_audio(p) for p in paths]
    assert [has_voice(x) for x in xs] == [False, False]
    assert [why_no_voice(x) for x in xs] == ['', '']
    assert predict_speech(paths).label.notna().all()
