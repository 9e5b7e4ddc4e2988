"Run every notebook in nbs/ as a test: its example cells are the package's tests."
from pathlib import Path
import pytest
from nbdev.test import test_nb as run_notebook

NBS = sorted((Path(__file__).resolve().parents[1]/'nbs').glob('*.ipynb'))

@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_notebook(nb, monkeypatch):
    monkeypatch.chdir(nb.parent)
    ok, secs = run_notebook(nb, skip_flags=['notest'], basepath=nb.parent)
    assert ok, f'{nb.name} failed (see the output above)'
