"Run every notebook in nbs/ as a test: its example cells are the package's tests."
from pathlib import Path
import pytest
from nbdev.test import test_nb as run_notebook
from execnb.nbio import read_nb

NBS = sorted((Path(__file__).resolve().parents[1]/'nbs').glob('*.ipynb'))

def is_training(nb:Path) -> bool:
    "Training notebooks (front matter `skip_exec: true`) need the real corpora: tests/test_training.py runs them."
    first = read_nb(nb).cells[0]
    return first.cell_type == 'raw' and 'skip_exec: true' in first.source

@pytest.mark.parametrize('nb', [n for n in NBS if not is_training(n)], ids=lambda p: p.stem)
def test_notebook(nb, monkeypatch):
    monkeypatch.chdir(nb.parent)
    ok, secs = run_notebook(nb, skip_flags=['notest'], basepath=nb.parent)
    assert ok, f'{nb.name} failed (see the output above)'
