// emo_nb's capture widget and live dashboard in the browser: the ES module (anywidget's render) of emo_nb.live.CaptureWidget; see nbs/50_live.ipynb
const WORKLET = `class Pcm extends AudioWorkletProcessor {
  constructor() { super(); this.buf = new Float32Array(2048); this.n = 0; }
  process(inputs) {
    const ch = inputs[0] && inputs[0][0]; if (!ch) return true;
    for (let i = 0; i < ch.length; i++) { this.buf[this.n++] = ch[i]; if (this.n === 2048) { this.port.postMessage(this.buf.slice(0)); this.n = 0; } }
    return true;
  }
}
registerProcessor('emo-nb-pcm', Pcm);`;

function node(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }

function render({ model, el }) {
  const W = model.get('width'), H = model.get('height'), dash = model.get('dashboard'), colors = model.get('colors') || {};
  const emotions = model.get('emotions') || [];
  const root = node('div', 'emo-nb-capture');  // styled by live.css (the widget's _css)
  const log = root.emoNb = { acks: [], audio: [], changes: [], captions: [], loaded: null };  // for tests and benchmarks
  const keep = (a, x) => { a.push(x); if (a.length > 5000) a.shift(); };

  const stage = node('div', 'emo-nb-stage'); stage.style.width = W + 'px'; stage.style.height = H + 'px';
  const video = Object.assign(document.createElement('video'), { muted: true, playsInline: true, autoplay: true });
  const overlay = document.createElement('canvas'); overlay.width = W; overlay.height = H;
  const placeholder = node('div', 'emo-nb-placeholder', 'camera off: press Start');
  stage.append(video, overlay, placeholder);
  const btn = node('button', 'emo-nb-start', 'Start');
  const status = node('span', 'emo-nb-status');
  const octx = overlay.getContext('2d');

  // the dashboard's parts (only with dashboard=True)
  const head = node('div', 'emo-nb-headline emo-nb-readout'); head.dataset.modality = 'fused';
  const rows = {}, side = node('div', 'emo-nb-side');
  const timeline = node('div', 'emo-nb-timeline'), captions = node('div', 'emo-nb-captions');
  const answer = node('input'); answer.placeholder = 'type an answer, press Enter';
  const save = node('button', '', 'Save CSV'), saved = node('span', 'emo-nb-saved');
  if (dash) {
    const title = node('div', 'emo-nb-title');
    title.innerHTML = `<b>${model.get('title')}</b> <span>Press Start and allow the camera and microphone. Face, voice and words are read and fused; type an answer below, and Save CSV keeps every reading.</span>`;
    side.append(head);
    for (const [m, name] of [['face', 'face'], ['voice', 'voice'], ['text', 'words']]) {
      const r = node('div', 'emo-nb-row emo-nb-readout'); r.dataset.modality = m; r.dataset.label = ''; r.dataset.state = 'none';
      r.innerHTML = `<span class="emo-nb-name">${name}</span><span class="emo-nb-label">waiting</span><span class="emo-nb-bar"></span><span class="emo-nb-age"></span>`;
      rows[m] = r; side.append(r);
    }
    head.dataset.label = ''; head.innerHTML = '<span class="emo-nb-big">waiting</span><span class="emo-nb-from"></span>';
    const top = node('div', 'emo-nb-top'), left = node('div');
    left.append(stage); top.append(left, side);
    const controls = node('div', 'emo-nb-controls'); controls.append(btn, answer, save, saved);
    const line = node('div', 'emo-nb-statusline'); line.append(status);
    root.append(title, top, controls, timeline, captions, line);
    answer.addEventListener('keydown', (e) => { if (e.key === 'Enter' && answer.value.trim()) { model.send({ type: 'text', text: answer.value }); answer.value = ''; } });
    save.onclick = () => { saved.textContent = 'saving…'; model.send({ type: 'save' }); };
  } else { root.append(stage, btn, status); }
  el.append(root);

  const canvas = document.createElement('canvas'), ctx = canvas.getContext('2d');
  let lastFace = null;
  let stream = null, timer = null, statsTimer = null, audioCtx = null, inflight = 0, seq = 0, dropped = 0, lost = 0, acked = 0, page = '';
  const sentAt = new Map(), rtts = [];
  let state = 'stopped';
  const show = (s) => { state = s; status.textContent = s; model.set('status', s); model.save_changes(); };
  model.on('change:status', () => { if (model.get('status') !== state) { state = model.get('status'); publishStats(); } });  // the kernel's word (e.g. stopped)
  const pct = (a, q) => { if (!a.length) return null; const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
  function publishStats() {  // frames sent, acknowledged and skipped; capture-to-acknowledgment round trip; frames read a second
    const now = performance.now(), recent = log.acks.filter((a) => now - a[0] < 5000).length / 5;
    const p50 = pct(rtts, .5), p90 = pct(rtts, .9);
    Object.assign(status.dataset, { sent: seq, acked, dropped, lost, rttP50: p50, rttP90: p90, fps: recent.toFixed(1) });
    status.textContent = state + (stream ? ` · ${recent.toFixed(1)} frames/s read` + (p50 !== null ? ` · round trip p50 ${p50.toFixed(0)} ms, p90 ${p90.toFixed(0)} ms` : '') : '') + (extra ? ' · ' + extra : '');
  }
  let extra = '';
  function drawBoxes(faces) {
    octx.clearRect(0, 0, W, H);
    for (const [x, y, w, h, label, p, color] of faces || []) {
      octx.lineWidth = 3; octx.strokeStyle = color; octx.strokeRect(x, y, w, h);
      const text = `${label} ${p.toFixed(2)}`; octx.font = 'bold 13px system-ui, sans-serif';
      const tw = octx.measureText(text).width + 8, ty = y > 20 ? y - 20 : y + h;
      octx.fillStyle = color; octx.fillRect(x - 1.5, ty, tw, 19); octx.fillStyle = '#fff'; octx.fillText(text, x + 3, ty + 14);
    }
  }
  function bar(probs) {
    if (!probs) return '';
    return probs.map((p, i) => p > 0.005 ? `<span title="${emotions[i]} ${p.toFixed(2)}" style="width:${(100 * p).toFixed(1)}%;background:${colors[emotions[i]]}"></span>` : '').join('');
  }
  function chip(label) { return colors[label] ? `<span class="emo-nb-chip" style="background:${colors[label]}"></span>` : ''; }
  function setRow(r, v) {
    if (r.dataset.label !== v.label) keep(log.changes, [performance.now(), r.dataset.modality, v.label]);
    Object.assign(r.dataset, { label: v.label, state: v.state, t: v.t ?? '', end: v.end ?? '', sources: v.sources ?? '' });
  }
  function timelineSvg(tl) {
    const names = ['fused', 'face', 'voice', 'words'], keys = ['fused', 'face', 'voice', 'text'];
    const x0 = 52, w = 640, rh = 13, n = tl.rows.fused.length, cw = w / n;
    let s = `<svg width="${x0 + w + 60}" height="${names.length * (rh + 3) + 44}" style="font:11px system-ui,sans-serif">`;
    keys.forEach((k, j) => {
      const y = j * (rh + 3);
      s += `<text x="${x0 - 6}" y="${y + 10}" text-anchor="end" fill="#555">${names[j]}</text><rect x="${x0}" y="${y}" width="${w}" height="${rh}" fill="#f3f3f3"/>`;
      tl.rows[k].forEach((c, i) => { if (c >= 0) s += `<rect x="${(x0 + i * cw).toFixed(1)}" y="${y}" width="${(cw + .5).toFixed(1)}" height="${rh}" fill="${colors[emotions[c]]}"/>`; });
    });
    const yb = names.length * (rh + 3);
    for (let sec = 0; sec <= tl.span; sec += 10) {
      const x = x0 + w * (1 - sec / tl.span);
      s += `<line x1="${x}" x2="${x}" y1="${yb - 2}" y2="${yb + 3}" stroke="#888"/><text x="${x}" y="${yb + 14}" text-anchor="middle" fill="#666">${sec ? '−' + sec + ' s' : 'now'}</text>`;
    }
    s += `<line x1="${x0 + w}" x2="${x0 + w}" y1="0" y2="${yb}" stroke="#222" stroke-width="1.5"/>`;
    let lx = x0;
    for (const e of emotions) { s += `<rect x="${lx}" y="${yb + 24}" width="10" height="10" fill="${colors[e]}"/><text x="${lx + 13}" y="${yb + 33}" fill="#444">${e}</text>`; lx += 14 + 7 * e.length + 12; }
    return s + '</svg>';
  }
  function applyView(v) {
    extra = v.status || '';
    if (v.loaded && log.loaded === null) log.loaded = performance.now();
    if (!dash) return;
    const h = v.headline;
    if (head.dataset.label !== h.label) keep(log.changes, [performance.now(), 'fused', h.label]);
    Object.assign(head.dataset, { label: h.label, state: h.state, t: h.t ?? '', sources: h.sources ?? '' });
    head.innerHTML = `<span class="emo-nb-big" style="color:${colors[h.label] ? '#222' : '#999'}">${chip(h.label)}${h.shown}</span>` +
      `<span class="emo-nb-from">${h.note}</span>`;
    for (const r of v.rows) {
      const d = rows[r.modality]; if (!d) continue;
      const f = r.modality === 'face' && r.state === 'reading' && lastFace && performance.now() - lastFace.at < 1000 ? lastFace : null;
      if (f) Object.assign(r, { label: f.label, shown: `${f.label} ${f.p.toFixed(2)}`, probs: f.probs });
      setRow(d, r);
      d.children[1].innerHTML = chip(r.label) + r.shown; d.children[2].innerHTML = bar(r.probs); d.children[3].textContent = r.age;
    }
    if (v.timeline) timeline.innerHTML = timelineSvg(v.timeline);
    captions.innerHTML = v.captions.map((c) => `<div class="emo-nb-caption" data-kind="${c.kind}" data-label="${c.label}" data-end="${c.end}">` +
      `${chip(c.label)}<b>${c.label || 'no reading'}</b> “${c.text.replace(/</g, '&lt;')}”<small>${c.kind}, ${c.when}</small></div>`).join('');
    for (const c of v.captions) if (!log.captions.some((x) => x[1] === c.id)) keep(log.captions, [performance.now(), c.id, c.text, c.kind, c.end]);
  }
  model.on('msg:custom', (m) => {
    if (m.type === 'ack') {
      inflight = Math.max(0, inflight - 1); acked++;
      const t0 = sentAt.get(m.id); sentAt.delete(m.id);
      if (t0 !== undefined) { rtts.push(performance.now() - t0); if (rtts.length > 300) rtts.shift(); }
      keep(log.acks, [performance.now(), (m.faces || []).length]);
      drawBoxes(m.faces);
      if (m.faces && m.faces.length) {  // the face row shows the largest face of the frame the box is drawn on
        const f = m.faces.reduce((a, b) => (b[2] * b[3] > a[2] * a[3] ? b : a));
        lastFace = { at: performance.now(), label: f[4], p: f[5], probs: f[7] };
        if (dash && rows.face.dataset.state === 'reading') { rows.face.children[1].innerHTML = chip(f[4]) + `${f[4]} ${f[5].toFixed(2)}`; rows.face.children[2].innerHTML = bar(f[7]); }
      }
    } else if (m.type === 'view') applyView(m);
    else if (m.type === 'saved') saved.textContent = m.text;
  });

  const why = (dev, e) => e.name === 'NotAllowedError' || e.name === 'SecurityError' ? `${dev} denied` :
    e.name === 'NotFoundError' || e.name === 'OverconstrainedError' ? `no ${dev} found` : `${dev} error: ${e.message}`;
  async function open() {  // both devices in one prompt; when that fails, each alone, so one missing device leaves the other working
    const video = { width: W, height: H }, audio = model.get('audio');
    try { return [await navigator.mediaDevices.getUserMedia({ video, audio }), []]; } catch (e) { if (!audio) return [null, [why('camera', e)]]; }
    const tracks = [], notes = [];
    for (const [dev, c] of [['camera', { video }], ['microphone', { audio: true }]]) {
      try { tracks.push(...(await navigator.mediaDevices.getUserMedia(c)).getTracks()); } catch (e) { notes.push(why(dev, e)); }
    }
    return [tracks.length ? new MediaStream(tracks) : null, notes];
  }
  async function start() {
    if (!window.isSecureContext || !navigator.mediaDevices) { show('insecure origin: open JupyterLab on https, localhost or 127.0.0.1'); return; }
    show('asking for the camera and microphone');
    const [s, notes] = await open();
    if (!s) { show(notes.join(', ')); return; }
    stream = s; page = Math.random().toString(36).slice(2);
    const hasVideo = stream.getVideoTracks().length, hasAudio = stream.getAudioTracks().length;
    if (hasVideo) {
      video.srcObject = stream; placeholder.style.display = 'none';
      try { await video.play(); } catch (e) {}  // a muted video may autoplay; play() also wakes one scrolled off screen
      canvas.width = W; canvas.height = H;
      timer = setInterval(() => {
        if (video.readyState < 2) return;
        const now = performance.now();
        for (const [id, t0] of sentAt) if (now - t0 > 2000) { sentAt.delete(id); lost++; }  // never acknowledged (a reconnecting kernel): stop waiting
        inflight = sentAt.size;
        if (inflight >= model.get('max_inflight')) { dropped++; return; }
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        inflight++;
        const id = seq++, t = performance.now() / 1000;
        sentAt.set(id, performance.now());
        canvas.toBlob(async (blob) => {
          if (!blob) { sentAt.delete(id); return; }
          model.send({ type: 'frame', id, t, page, dropped }, undefined, [await blob.arrayBuffer()]);
        }, 'image/jpeg', model.get('quality'));
      }, 1000 / model.get('fps'));
    } else placeholder.textContent = notes.join(', ') + ': reading the voice only';
    if (hasAudio) {
      audioCtx = new AudioContext({ sampleRate: 16000 });
      await audioCtx.audioWorklet.addModule(URL.createObjectURL(new Blob([WORKLET], { type: 'text/javascript' })));
      const node = new AudioWorkletNode(audioCtx, 'emo-nb-pcm');
      node.port.onmessage = (e) => {
        const f = e.data, pcm = new Int16Array(f.length); let ss = 0;
        for (let i = 0; i < f.length; i++) { pcm[i] = Math.max(-32768, Math.min(32767, f[i] * 32767)); ss += f[i] * f[i]; }
        const t = performance.now() / 1000;
        keep(log.audio, [t * 1000, Math.sqrt(ss / f.length)]);
        model.send({ type: 'audio', sr: audioCtx.sampleRate, t, page }, undefined, [pcm.buffer]);
      };
      audioCtx.createMediaStreamSource(stream).connect(node);
    }
    statsTimer = setInterval(publishStats, 1000);
    btn.textContent = 'Stop';
    show(notes.length ? `streaming (${hasVideo ? 'camera' : 'microphone'} only: ${notes.join(', ')})` : 'streaming');
  }
  function stop(note) {
    clearInterval(timer); clearInterval(statsTimer); timer = null;
    if (stream) stream.getTracks().forEach((t) => t.stop());
    if (audioCtx) audioCtx.close();
    const was = !!stream; stream = null; audioCtx = null; inflight = 0;
    video.srcObject = null; placeholder.style.display = ''; placeholder.textContent = 'camera off: press Start'; drawBoxes([]);
    btn.textContent = 'Start';
    if (was) show(note || 'stopped');
  }
  btn.onclick = () => (stream ? stop() : start());
  if (model.get('autostart')) start(); else show('ready: press Start');
  return () => stop();
}
export default { render };
