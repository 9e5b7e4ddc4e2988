"""Training notebooks reproduce the shipped weights' figures from the real corpora (skipped, with the reason, without them).

Each notebook ends by asserting that its measured figures match the shipped model card (the text and speech notebooks retrain;
the face notebook, whose training takes about five hours, evaluates the shipped model): running it to the end is the test."""
import pytest
from execnb.nbio import read_nb
from execnb.shell import CaptureShell
from conftest import DATA, needs_data
from test_notebooks import NBS, is_training

@needs_data
@pytest.mark.slow
@pytest.mark.parametrize('nb', [n for n in NBS if is_training(n)], ids=lambda p: p.stem)
def test_training_reproduces_card(nb, monkeypatch, tmp_path):
    monkeypatch.chdir(nb.parent)
    monkeypatch.setenv('EMO_NB_DATA', str(DATA))
    monkeypatch.setenv('EMO_NB_MODEL_OUT', str(tmp_path))
    shell = CaptureShell()
    shell.run_all(read_nb(nb), exc_stop=True)
    assert shell.exc is None
