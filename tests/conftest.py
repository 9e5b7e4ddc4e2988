"Shared pytest settings: where the real corpora are, and the markers CI runs."
import os
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get('EMO_NB_DATA', ROOT.parent/'shared'/'data'))
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f'real corpora absent: {DATA} (set EMO_NB_DATA to run these checks)')

def pytest_configure(config):
    config.addinivalue_line('markers', 'slow: takes more than a few seconds')
    config.addinivalue_line('markers', 'browser: drives a real Chromium against JupyterLab')
