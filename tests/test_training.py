"""Training notebooks reproduce the shipped weights' figures from the real corpora (skipped, with the reason, without them).

Each notebook ends by asserting that its measured figures match the shipped model card (the text and speech notebooks retrain;
the face notebook, whose training takes about five hours, evaluates the shipped model): running it to the end is the test."""
import pytest
from execnb.nbio import read_nb
from execnb.shell import CaptureShell
from conftest import DATA, TEXT, VOICES, needs
from test_notebooks import NBS, is_training

CORPORA = {'11_text_train': TEXT, '14_personality_train': ('text/essays',), '15_text_encoder_train': TEXT,
           '23_speech_train': ('ravdess', *VOICES), '32_face_fit': ('fer2013', 'faces/expw', 'faces/sfew', 'faces/tfeid')}  # what each reads

@pytest.mark.slow
@pytest.mark.parametrize('nb', [pytest.param(n, marks=needs(*CORPORA[n.stem])) for n in NBS if is_training(n)], ids=lambda p: p.stem)
def test_training_reproduces_card(nb, monkeypatch, tmp_path):
    monkeypatch.chdir(nb.parent)
    monkeypatch.setenv('EMO_NB_DATA', str(DATA))
    monkeypatch.setenv('EMO_NB_MODEL_OUT', str(tmp_path))
    shell = CaptureShell()
    shell.run_all(read_nb(nb), exc_stop=True)
    assert shell.exc is None
