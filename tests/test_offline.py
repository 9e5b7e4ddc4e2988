"""Every shipped model loads, and speech is read and transcribed, with the network disabled (a new network namespace with no
interfaces but loopback, made by `unshare -rn`): nothing the package runs may reach for the internet."""
import subprocess, sys, textwrap

CODE = textwrap.dedent('''
    import socket, numpy as np
    try: socket.create_connection(('1.1.1.1', 443), timeout=2); raise SystemExit('the network is reachable: the test proves nothing')
    except OSError: pass
    from emo_nb.text import load_text_model, predict_text
    from emo_nb.face import load_face_model
    from emo_nb.speech import load_speech_head, predict_speech
    from emo_nb.whisper import WHISPER, load_whisper_encoder, ct2_encoder, no_speech_prob
    from emo_nb.transcribe import load_asr, transcribe
    from emo_nb.audio import synth_voice
    assert load_text_model().ngram is load_text_model('text-tfidf-cnn')  # the MiniLM model and the n-gram model it mixes in
    load_face_model(); head = load_speech_head()
    from emo_nb.face import BlazeDetector
    from emo_nb.personality import load_big_five
    assert len(BlazeDetector().detect(np.zeros((120, 160, 3), np.uint8))[0]) == 0; load_big_five()  # the face detector, the Big Five heads
    for name, layer in head['layers']: ct2_encoder(name, layer, head['compute_type'])
    for name in WHISPER: load_whisper_encoder(name)
    load_asr()
    assert no_speech_prob(np.zeros(16_000)) > .9  # the whole tiny.en, the voice gate's second opinion
    assert predict_text(['what a lovely surprise']).label.notna().all()
    assert predict_speech(synth_voice(2.0)).label.notna().all()
    seg = transcribe(synth_voice(2.0))
    print('offline ok', len(seg))
''')

def test_models_load_and_run_without_network():
    r = subprocess.run(['unshare', '-rn', sys.executable, '-c', CODE], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0 and 'offline ok' in r.stdout, r.stderr[-3000:]
