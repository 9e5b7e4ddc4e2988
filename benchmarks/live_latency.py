"""Live demo in a real browser: frames per second delivered and processed, capture-to-readout round trip, kernel memory.

Run: .venv/bin/python benchmarks/live_latency.py [--seconds 60] [--fps 20] [--max-rows 20000]   (needs Debian's chromium)
JupyterLab on 127.0.0.1 runs `demo(autostart=True, fps=...)` (320x240) in headless Chromium with a fake camera and
microphone (tests/browser_harness.py). The browser counts frames sent and acknowledged and times each frame from capture to
the kernel's acknowledgment, which the kernel sends after reading the frame and updating the readout; the kernel's RSS is
sampled every 10 s and printed each minute with the frames read so far (each frame is one reading kept in the session's
ring buffer of `--max-rows` readings; memory grows until the buffer is full, then must stay flat).
"""
import argparse, os, platform, sys, tempfile, time
from pathlib import Path
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]/'tests'))
from browser_harness import CHROMIUM, fake_devices, chromium_args, jupyterlab, run_first_cell

def kernel_rss_mb(lab_proc) -> float:
    ks = [c for c in psutil.Process(lab_proc.pid).children(recursive=True) if 'ipykernel' in ' '.join(c.cmdline())]
    return sum(k.memory_info().rss for k in ks) / 2**20

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0]); ap.add_argument('--seconds', type=float, default=60)
    ap.add_argument('--fps', type=float, default=20, help='frames per second the browser is asked for')
    ap.add_argument('--max-rows', type=int, default=20_000, help="the session's ring buffer (readings kept)")
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright
    tmp = Path(tempfile.mkdtemp()); cam, mic = fake_devices(tmp)
    print(f"host: {platform.node()} {platform.machine()}, {os.cpu_count()} cores; python {platform.python_version()}; 320x240, {a.fps:g} fps asked")
    cell = f'from emo_nb.live import demo, LiveSession\nd = demo(autostart=True, fps={a.fps}, session=LiveSession(max_rows={a.max_rows}, fps={a.fps}))\nd'
    with jupyterlab(tmp, cell) as (url, lab), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=chromium_args(cam, mic))
        page = browser.new_page(viewport={'width': 1280, 'height': 1000})
        run_first_cell(page, url)
        page.wait_for_selector('.emo-nb-status:text("streaming")', timeout=120_000)
        page.wait_for_timeout(10_000)  # warm-up: models loaded, first readings
        stats = lambda: page.evaluate("() => ({...document.querySelector('.emo-nb-status').dataset})")
        frames = lambda: int(page.inner_text('.emo-nb-info').split('frames ')[1].split(',')[0])
        s0, f0, t0, mem = stats(), frames(), time.monotonic(), [kernel_rss_mb(lab)]
        while time.monotonic() - t0 < a.seconds:
            page.wait_for_timeout(10_000); mem.append(kernel_rss_mb(lab))
            if len(mem) % 6 == 1: print(f"  {time.monotonic() - t0:4.0f} s: kernel RSS {mem[-1]:.0f} MB, frames read {frames()}", flush=True)
        s1, f1, dt = stats(), frames(), time.monotonic() - t0
        browser.close()
    sent, acked = (int(s1['sent']) - int(s0['sent'])) / dt, (int(s1['acked']) - int(s0['acked'])) / dt
    print(f"over {dt:.0f} s: frames sent {sent:.1f}/s, acknowledged {acked:.1f}/s, read by the kernel {(f1 - f0) / dt:.1f}/s; "
          f"skipped in the browser {int(s1['dropped']) - int(s0['dropped'])}")
    print(f"capture-to-readout round trip (last 300 frames): p50 {float(s1['rttP50']):.0f} ms, p90 {float(s1['rttP90']):.0f} ms "
          f"(target: >= 15 fps, p50 <= 100 ms)")
    print(f"kernel RSS: start {mem[0]:.0f} MB, end {mem[-1]:.0f} MB, max {max(mem):.0f} MB over {len(mem)} samples; "
          f"second half: {min(mem[len(mem) // 2:]):.0f} to {max(mem[len(mem) // 2:]):.0f} MB")

if __name__ == '__main__': main()
