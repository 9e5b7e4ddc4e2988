"""What the benchmark scripts share: the host line they print, keeping one other core busy (`--busy`), and the stand-in
face used when the corpora are absent."""
import contextlib, os, platform, subprocess, sys

def host_line() -> str:
    "The machine, its cores, Python and the load average, for the figures printed beside it."
    return (f"host: {platform.node()} {platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}; "
            f"load average {os.getloadavg()[0]:.2f}")

@contextlib.contextmanager
def busy_core(on:bool=True):
    "Keep one other core busy (a busy-loop process) for the duration, as on a shared machine; nothing when `on` is False."
    p = subprocess.Popen([sys.executable, '-c', 'while True: pass']) if on else None
    try: yield p
    finally:
        if p: p.terminate(); p.wait()

def astronaut():
    "scikit-image's astronaut portrait (RGB), the stand-in face when ../shared/data is absent; a plain message without it."
    try: from skimage import data
    except ImportError:
        sys.exit("This benchmark reads the corpora in ../shared/data (or EMO_NB_DATA), which are absent here; its stand-in "
                 "clip needs scikit-image, a development extra: pip install -e '.[dev]' -c constraints.txt")
    return data.astronaut()
