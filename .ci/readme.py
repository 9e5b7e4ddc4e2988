"""Write README.md from nbs/index.ipynb: markdown cells as they are, code cells with their outputs (run here).

Usage: python .ci/readme.py [--check]     --check: fail if README.md is not what the notebook gives.
"""
import os, sys
from pathlib import Path
from execnb.nbio import read_nb
from execnb.shell import CaptureShell

ROOT = Path(__file__).resolve().parents[1]

def _output_text(o) -> str:
    if o.get('output_type') == 'stream': return ''.join(o['text'])
    data = o.get('data', {})
    return ''.join(data.get('text/markdown') or data.get('text/plain') or '')

def render(nb_path=ROOT/'nbs'/'index.ipynb') -> str:
    "The README's markdown: markdown cells verbatim; code cells and their outputs in fenced blocks."
    nb = read_nb(nb_path)
    cwd = os.getcwd(); os.chdir(nb_path.parent)
    shell = CaptureShell()
    shell.run("import pandas as pd; pd.set_option('display.width', 250); pd.set_option('display.max_columns', 50)")
    try: shell.run_all(nb, exc_stop=True)
    finally: os.chdir(cwd)
    parts = []
    for c in nb.cells:
        if c.cell_type == 'markdown': parts.append(c.source)
        elif c.cell_type == 'code' and not c.source.startswith('#|'):
            parts.append(f"```python\n{c.source}\n```")
            outs = ''.join(_output_text(o) for o in c.get('outputs', [])).strip('\n')
            if outs: parts.append(f"```\n{outs}\n```")
    return '\n\n'.join(parts) + '\n'

if __name__ == '__main__':
    text = render()
    if '--check' in sys.argv:
        if (ROOT/'README.md').read_text(encoding='utf-8') != text:
            sys.exit('README.md is not what nbs/index.ipynb gives: run python .ci/readme.py and commit README.md')
    else: (ROOT/'README.md').write_text(text, encoding='utf-8')
