"Shared pytest settings: where the real corpora are, and the markers CI runs."
import os
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get('EMO_NB_DATA', ROOT.parent/'shared'/'data'))
VOICES = ('voices/tess', 'voices/casia', 'voices/ased', 'voices/turev', 'voices/urdu')
TEXT = ('text/dair_emotion', 'text/goemotions', 'text/meld')

def needs(*corpora:str):
    "Skip unless each corpus folder (relative to DATA, as data_download/ lays them out) is there; the reason names the absent ones."
    absent = [c for c in corpora if not (DATA/c).is_dir()]
    return pytest.mark.skipif(bool(absent), reason=f"real corpora absent: {', '.join(absent)} (looked in {DATA}; set EMO_NB_DATA to run these checks)")

def pytest_configure(config):
    config.addinivalue_line('markers', 'slow: takes more than a few seconds')
    config.addinivalue_line('markers', 'browser: drives a real Chromium against JupyterLab')
