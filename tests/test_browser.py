"""A real browser: JupyterLab on 127.0.0.1 and Debian Chromium, with a fake camera and microphone, run the live demo cell.

The camera is a y4m file and the microphone a WAV file, written by tests/browser_harness.py: from the real RAVDESS clip in
../shared/data/av when present, else from scikit-image's astronaut and a synthetic voice. Needs Debian's chromium (the
README's test command installs it) and Python Playwright (no browser download: it drives /usr/bin/chromium).
"""
import pytest
from browser_harness import ROOT, CHROMIUM, fake_devices, chromium_args, jupyterlab, voila, run_first_cell, run_cell

pytestmark = [pytest.mark.browser, pytest.mark.slow]

def readout(page, modality):
    return page.get_attribute(f'.emo-nb-readout[data-modality="{modality}"]', 'data-label')

def times(page, modality):
    "The start time of the reading a readout shows."
    return page.get_attribute(f'.emo-nb-readout[data-modality="{modality}"]', 'data-t')

def readouts_advance(page, shot_name):
    "Wait until face, voice and fused readouts show readings and newer ones arrive; screenshot; return what the page showed."
    page.wait_for_selector('.emo-nb-status:text("streaming")', timeout=120_000)
    for m in ('face', 'voice', 'fused'):
        page.wait_for_function(f"() => {{ const e = document.querySelector('.emo-nb-readout[data-modality={m}]'); return e && e.dataset.label; }}", timeout=90_000)
    first = {m: times(page, m) for m in ('face', 'voice', 'fused')}
    for m, t in first.items():  # new readings keep reaching the page (patient: a loaded machine reads fewer frames)
        page.wait_for_function(f"() => parseFloat(document.querySelector('.emo-nb-readout[data-modality={m}]').dataset.t) > {float(t)}", timeout=60_000)
    later = {m: times(page, m) for m in ('face', 'voice', 'fused')}
    info = page.inner_text('.emo-nb-info')
    stats = page.evaluate("() => ({...document.querySelector('.emo-nb-status').dataset})")
    shot = ROOT/'runs'/shot_name; shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(shot))
    return dict(first=first, later=later, info=info, stats=stats, labels={m: readout(page, m) for m in ('face', 'voice', 'fused')})

def check_live(seen):
    "Frames and sound reached the kernel, every readout has a label, and newer readings replaced the first ones."
    info, stats = seen['info'], seen['stats']
    frames = int(info.split('frames ')[1].split(',')[0]); chunks = int(info.split('sound chunks ')[1].split(',')[0])
    assert frames > 10 and chunks > 5, info
    assert all(seen['labels'].values()), seen['labels']
    assert all(float(seen['later'][m]) > float(seen['first'][m]) for m in seen['first']), seen
    assert int(stats['acked']) > 10 and float(stats['rttP50']) > 0, stats

def test_live_demo_in_jupyterlab(tmp_path):
    from playwright.sync_api import sync_playwright
    cam, mic = fake_devices(tmp_path)
    with jupyterlab(tmp_path, 'from emo_nb.live import demo\nd = demo(autostart=True)\nd') as (url, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=chromium_args(cam, mic))
        page = browser.new_page(viewport={'width': 1280, 'height': 1000})
        run_first_cell(page, url)
        seen = readouts_advance(page, 'browser_live_demo.png')
        browser.close()
    check_live(seen)

def test_live_demo_in_voila(tmp_path):
    "The same demo served by Voila (no notebook UI): readouts advance, and a typed answer gives a text reading."
    from playwright.sync_api import sync_playwright
    cam, mic = fake_devices(tmp_path)
    with voila(tmp_path, 'from emo_nb.live import demo\nd = demo(autostart=True)\nd') as (url, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=chromium_args(cam, mic))
        page = browser.new_page(viewport={'width': 1280, 'height': 1000})
        page.goto(url, timeout=120_000)
        seen = readouts_advance(page, 'browser_live_demo_voila.png')
        box = page.locator('input[placeholder="type an answer, press Enter"]')
        box.fill('I am so happy and grateful today, this is wonderful!'); box.press('Enter')
        page.wait_for_function("() => document.querySelector('.emo-nb-readout[data-modality=text]').dataset.label", timeout=60_000)
        text_label = readout(page, 'text')
        browser.close()
    check_live(seen)
    assert text_label == 'happy', text_label

def test_denied_camera_and_closed_tab_leave_the_kernel_working(tmp_path):
    "A denied camera shows as such; closing the tab mid-stream leaves the kernel running and answering."
    from playwright.sync_api import sync_playwright
    cam, mic = fake_devices(tmp_path)
    cells = ['from emo_nb.live import demo\nd = demo(autostart=True)\nd', "print('status:', d.capture.status, 'frames:', d.capture.frames)"]
    denied_args = [a for a in chromium_args(cam, mic) if a != '--use-fake-ui-for-media-stream']
    with jupyterlab(tmp_path, cells) as (url, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=denied_args)
        page = browser.new_context(permissions=[]).new_page()
        run_first_cell(page, url)
        page.wait_for_selector('.emo-nb-status:text("camera denied")', timeout=120_000)
        run_cell(page, 1, 'status: camera denied')
        browser.close()
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=chromium_args(cam, mic))
        page = browser.new_page()
        run_first_cell(page, url)
        page.wait_for_function("() => { const e = document.querySelector('.emo-nb-readout[data-modality=\"face\"]'); return e && e.dataset.label; }", timeout=120_000)
        page.close()  # the tab goes away mid-stream
        page = browser.new_page()
        page.goto(url, timeout=120_000)
        page.wait_for_selector('.jp-Notebook .jp-Cell .cm-content', timeout=120_000)
        page.wait_for_timeout(2000)
        run_cell(page, 1, 'frames:')
        out = page.inner_text('.jp-Notebook .jp-Cell:nth-child(2) .jp-OutputArea-output')
        browser.close()
    assert int(out.split('frames:')[1]) > 0, out
