"Training notebooks reproduce the shipped weights' figures from the real corpora (skipped, with the reason, without them)."
import os
from pathlib import Path
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
    CaptureShell().run_all(read_nb(nb), exc_stop=True)
    assert (tmp_path/'MODEL_CARD.md').exists()
