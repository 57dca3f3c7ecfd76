// Veza's own script: htmx plumbing, the theme switch and the player. No build step; loaded once per visit,
// since navigation swaps only #page and never reloads the document.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const script = $('app-script');
  const csrf = document.querySelector('meta[name="csrf-token"]');

  // --- htmx: CSRF header, focus after navigation ---------------------------------------------------------
  document.addEventListener('htmx:configRequest', (event) => {
    if (csrf) event.detail.headers['X-CSRF-TOKEN'] = csrf.content;
  });
  document.addEventListener('htmx:afterSettle', (event) => {
    if (event.detail.boosted) {
      const main = $('main');
      if (main) main.focus({ preventScroll: true });
    }
    decorate();
  });

  // --- theme ------------------------------------------------------------------------------------------------
  const root = document.documentElement;
  const savedTheme = localStorage.getItem('veza.theme');
  if (savedTheme) root.dataset.theme = savedTheme;
  document.addEventListener('click', (event) => {
    if (!event.target.closest('#theme-switch')) return;
    const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    root.dataset.theme = dark ? 'light' : 'dark';
    localStorage.setItem('veza.theme', root.dataset.theme);
  });

  // --- player -----------------------------------------------------------------------------------------------
  // The page keeps room for the player bar, whatever its height, so that nothing (focus included) hides under it.
  const bar = $('player');
  new ResizeObserver(() => root.style.setProperty('--player-height', bar.offsetHeight + 'px')).observe(bar);
  const audio = $('player-audio');
  const ui = {
    toggle: $('player-toggle'), previous: $('player-previous'), next: $('player-next'), seek: $('player-seek'),
    elapsed: $('player-elapsed'), duration: $('player-duration'), mute: $('player-mute'), volume: $('player-volume'),
    title: $('player-title'), idle: $('player-idle'), artist: $('player-artist'), cover: $('player-cover'),
    live: $('player-live'), queue: $('player-queue'), queueList: $('player-queue-list'), queueButton: $('player-queue-button'),
  };
  const STATE_KEY = 'veza.player';
  const state = Object.assign({ queue: [], index: -1, position: 0, volume: 1, muted: false }, read(STATE_KEY));
  let hls = null;
  let hlsLoading = null;
  let loadedId = null;
  let listen = { heard: 0, reported: false, last: 0 };
  let savedAt = 0;

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key)) || {}; } catch (e) { return {}; }
  }
  function save() {
    state.position = audio.currentTime || state.position || 0;
    localStorage.setItem(STATE_KEY, JSON.stringify(state));
  }
  function current() { return state.queue[state.index] || null; }
  function clock(seconds) {
    if (!isFinite(seconds) || seconds < 0) seconds = 0;
    const s = Math.floor(seconds % 60);
    return Math.floor(seconds / 60) + ':' + (s < 10 ? '0' : '') + s;
  }
  function trackFrom(el) {
    const d = el.dataset;
    return { id: d.trackId, title: d.title, artist: d.artist, href: d.href, stream: d.stream,
             cover: d.cover || '', artwork: d.artwork || d.cover || '', durationMs: Number(d.durationMs) || 0 };
  }

  function useHls() {
    return !audio.canPlayType('application/vnd.apple.mpegurl');
  }
  function loadHlsLibrary() {
    if (window.Hls) return Promise.resolve(window.Hls);
    if (!hlsLoading) {
      hlsLoading = new Promise((resolve, reject) => {
        const tag = document.createElement('script');
        tag.src = script.dataset.hls;
        tag.onload = () => resolve(window.Hls);
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return hlsLoading;
  }

  // Signed segment URLs expire: on a network failure, fetch a fresh master and go on from where it stopped.
  async function attach(track, startAt) {
    if (hls) { hls.destroy(); hls = null; }
    loadedId = track.id;
    const resume = () => {
      if (startAt > 0 && isFinite(startAt)) audio.currentTime = startAt;
    };
    audio.addEventListener('loadedmetadata', resume, { once: true });
    if (useHls()) {
      const Hls = await loadHlsLibrary();
      hls = new Hls({ enableWorker: true, startPosition: startAt > 0 ? startAt : -1 });
      hls.on(Hls.Events.ERROR, (event, data) => {
        if (!data.fatal) return;
        const at = audio.currentTime;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR) { hls.recoverMediaError(); return; }
        const playing = !audio.paused;
        attach(track, at).then(() => { if (playing) audio.play().catch(() => {}); });
      });
      hls.loadSource(track.stream);
      hls.attachMedia(audio);
    } else {
      audio.src = track.stream;
    }
  }

  async function start(index, startAt, autoplay) {
    const track = state.queue[index];
    if (!track) return;
    reportListen();
    state.index = index;
    listen = { heard: 0, reported: false, last: startAt || 0 };
    await attach(track, startAt || 0);
    showTrack(track);
    save();
    if (autoplay) {
      try { await audio.play(); } catch (e) { /* the browser wants a gesture first */ }
    }
  }

  function playNow(tracks, index) {
    state.queue = tracks;
    start(index, 0, true);
  }

  function toggle() {
    const track = current();
    if (!track) return;
    if (loadedId !== track.id) { start(state.index, state.position, true); return; }
    if (audio.paused) audio.play().catch(() => {}); else audio.pause();
  }
  function step(delta) {
    const target = state.index + delta;
    if (delta < 0 && audio.currentTime > 3) { audio.currentTime = 0; return; }
    if (target >= 0 && target < state.queue.length) start(target, 0, true);
  }

  function showTrack(track) {
    ui.idle.hidden = true;
    ui.title.hidden = false;
    ui.title.textContent = track.title;
    ui.title.href = track.href;
    ui.artist.textContent = track.artist;
    ui.cover.hidden = !track.cover;
    $('player-cover-blank').hidden = !!track.cover;
    if (track.cover) ui.cover.src = track.cover;
    ui.duration.textContent = clock(track.durationMs / 1000);
    ui.live.textContent = 'Now playing: ' + track.title + ', by ' + track.artist;
    if ('mediaSession' in navigator) {
      navigator.mediaSession.metadata = new MediaMetadata({
        title: track.title, artist: track.artist,
        artwork: track.artwork ? [{ src: track.artwork, sizes: '1024x1024', type: 'image/jpeg' }] : [],
      });
    }
    renderQueue();
    decorate();
  }

  function showPlaying() {
    const playing = !audio.paused;
    ui.toggle.setAttribute('aria-label', playing ? ui.toggle.dataset.pause : ui.toggle.dataset.play);
    ui.toggle.title = ui.toggle.getAttribute('aria-label');
    ui.toggle.querySelector('.icon-play').style.display = playing ? 'none' : '';
    ui.toggle.querySelector('.icon-pause').style.display = playing ? '' : 'none';
    if ('mediaSession' in navigator) navigator.mediaSession.playbackState = playing ? 'playing' : 'paused';
  }

  // One report per listen, through the API's play rule: once the default threshold is heard, or when the
  // listen ends before it; the server decides whether it counts.
  function reportListen() {
    const track = current();
    if (!track || listen.reported || listen.heard < 1) return;
    listen.reported = true;
    fetch('/api/v1/tracks/' + encodeURIComponent(track.id) + '/plays', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, keepalive: true, credentials: 'omit',
      body: JSON.stringify({ seconds_played: Math.round(listen.heard) }),
    }).catch(() => {});
  }

  audio.addEventListener('play', showPlaying);
  audio.addEventListener('pause', () => { showPlaying(); save(); });
  audio.addEventListener('ended', () => { reportListen(); if (state.index + 1 < state.queue.length) step(1); else showPlaying(); });
  audio.addEventListener('error', () => {
    const track = current();
    if (track && !useHls()) { const at = audio.currentTime; attach(track, at).then(() => audio.play().catch(() => {})); }
  });
  audio.addEventListener('durationchange', () => {
    if (isFinite(audio.duration)) { ui.seek.max = Math.floor(audio.duration); ui.duration.textContent = clock(audio.duration); }
  });
  audio.addEventListener('timeupdate', () => {
    const now = audio.currentTime;
    const delta = now - listen.last;
    if (!audio.paused && delta > 0 && delta < 2) listen.heard += delta;
    listen.last = now;
    const threshold = Math.min(30, (audio.duration || 60) / 2);
    if (listen.heard >= threshold) reportListen();
    if (document.activeElement !== ui.seek) ui.seek.value = Math.floor(now);
    ui.elapsed.textContent = clock(now);
    if (Date.now() - savedAt > 2000) { savedAt = Date.now(); save(); }
  });
  audio.addEventListener('volumechange', () => {
    state.volume = audio.volume; state.muted = audio.muted;
    ui.volume.value = audio.muted ? 0 : audio.volume;
    ui.mute.setAttribute('aria-label', audio.muted ? ui.mute.dataset.unmute : ui.mute.dataset.mute);
    ui.mute.querySelector('.icon-volume').style.display = audio.muted ? 'none' : '';
    ui.mute.querySelector('.icon-muted').style.display = audio.muted ? '' : 'none';
    save();
  });
  window.addEventListener('pagehide', () => { reportListen(); save(); });

  ui.toggle.addEventListener('click', toggle);
  ui.previous.addEventListener('click', () => step(-1));
  ui.next.addEventListener('click', () => step(1));
  ui.seek.addEventListener('input', () => { if (loadedId) audio.currentTime = Number(ui.seek.value); });
  ui.mute.addEventListener('click', () => { audio.muted = !audio.muted; });
  ui.volume.addEventListener('input', () => { audio.muted = false; audio.volume = Number(ui.volume.value); });

  if ('mediaSession' in navigator) {
    const session = navigator.mediaSession;
    session.setActionHandler('play', toggle);
    session.setActionHandler('pause', toggle);
    session.setActionHandler('previoustrack', () => step(-1));
    session.setActionHandler('nexttrack', () => step(1));
    session.setActionHandler('seekto', (details) => { audio.currentTime = details.seekTime; });
  }

  // --- the queue ----------------------------------------------------------------------------------------------
  function renderQueue() {
    if (!ui.queueList) return;
    ui.queueList.replaceChildren(...state.queue.map((track, i) => {
      const item = document.createElement('li');
      if (i === state.index) item.setAttribute('aria-current', 'true');
      const name = document.createElement('span');
      name.className = 'queue-name';
      name.textContent = track.title + ' · ' + track.artist;
      item.append(name,
        button('Play ' + track.title, '▶', () => start(i, 0, true)),
        button('Move ' + track.title + ' up', '↑', () => move(i, -1), i === 0),
        button('Move ' + track.title + ' down', '↓', () => move(i, 1), i === state.queue.length - 1),
        button('Remove ' + track.title, '✕', () => remove(i)));
      return item;
    }));
  }
  function button(label, text, action, disabled) {
    const b = document.createElement('button');
    b.type = 'button'; b.textContent = text; b.setAttribute('aria-label', label); b.title = label;
    b.disabled = !!disabled;
    b.addEventListener('click', action);
    return b;
  }
  function move(i, delta) {
    const j = i + delta;
    if (j < 0 || j >= state.queue.length) return;
    [state.queue[i], state.queue[j]] = [state.queue[j], state.queue[i]];
    if (state.index === i) state.index = j; else if (state.index === j) state.index = i;
    save(); renderQueue();
  }
  function remove(i) {
    const wasCurrent = i === state.index;
    state.queue.splice(i, 1);
    if (i < state.index) state.index--;
    if (wasCurrent) {
      audio.pause();
      if (state.index >= state.queue.length) state.index = state.queue.length - 1;
      if (state.index >= 0) start(state.index, 0, false);
    }
    save(); renderQueue();
  }
  function enqueue(track, next) {
    if (next && state.index >= 0) state.queue.splice(state.index + 1, 0, track); else state.queue.push(track);
    if (state.index < 0) { state.index = 0; showTrack(track); }
    save(); renderQueue();
  }
  if (ui.queueButton) {
    ui.queueButton.addEventListener('click', () => {
      ui.queue.hidden = !ui.queue.hidden;
      ui.queueButton.setAttribute('aria-expanded', String(!ui.queue.hidden));
    });
  }
  const clear = $('player-queue-clear');
  if (clear) clear.addEventListener('click', () => { audio.pause(); state.queue = []; state.index = -1; save(); renderQueue(); });

  // Play buttons anywhere in the page: a row plays its list from that row on, in order.
  document.addEventListener('click', (event) => {
    const one = event.target.closest('[data-play-track]');
    if (one) {
      const holder = one.closest('[data-track-id]');
      const list = holder.closest('ol, ul');
      if (list && holder.tagName === 'LI') {
        const rows = [...list.querySelectorAll(':scope > [data-track-id]')];
        playNow(rows.map(trackFrom), rows.indexOf(holder));
      } else {
        playNow([trackFrom(holder)], 0);
      }
      return;
    }
    const all = event.target.closest('[data-play-list]');
    if (all) {
      const rows = [...document.getElementById(all.dataset.playList).querySelectorAll(':scope > [data-track-id]')];
      playNow(rows.map(trackFrom), 0);
      return;
    }
    const add = event.target.closest('[data-queue-track]');
    if (add) enqueue(trackFrom(add.closest('[data-track-id]')), add.dataset.queueTrack === 'next');
  });

  // --- keyboard: single keys only when allowed (WCAG 2.1.4) ----------------------------------------------------
  const shortcuts = $('shortcuts');
  const shortcutsOn = $('shortcuts-enabled');
  const keysAllowed = () => localStorage.getItem('veza.shortcuts') !== 'off';
  if (shortcutsOn) {
    shortcutsOn.checked = keysAllowed();
    shortcutsOn.addEventListener('change', () => localStorage.setItem('veza.shortcuts', shortcutsOn.checked ? 'on' : 'off'));
  }
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.closest('input, textarea, select, button, a, [contenteditable], dialog')) return;
    if (!keysAllowed() && event.key !== '?') return;
    switch (event.key) {
      case ' ': event.preventDefault(); toggle(); break;
      case 'ArrowLeft': if (loadedId) { event.preventDefault(); audio.currentTime = Math.max(0, audio.currentTime - 5); } break;
      case 'ArrowRight': if (loadedId) { event.preventDefault(); audio.currentTime += 5; } break;
      case 'ArrowUp': event.preventDefault(); audio.volume = Math.min(1, audio.volume + 0.1); break;
      case 'ArrowDown': event.preventDefault(); audio.volume = Math.max(0, audio.volume - 0.1); break;
      case '?': if (shortcuts) shortcuts.showModal(); break;
      default:
    }
  });

  // --- what pages show of the player ---------------------------------------------------------------------------
  function decorate() {
    const track = current();
    document.querySelectorAll('.track-row.playing').forEach((row) => row.classList.remove('playing'));
    if (track) {
      document.querySelectorAll('.track-row[data-track-id="' + CSS.escape(track.id) + '"]')
        .forEach((row) => row.classList.add('playing'));
    }
    document.querySelectorAll('canvas[data-waveform]:not([data-drawn])').forEach(drawWaveform);
  }
  function drawWaveform(canvas) {
    canvas.dataset.drawn = 'true';
    fetch(canvas.dataset.waveform, { credentials: 'same-origin' }).then((r) => r.ok ? r.json() : null).then((body) => {
      if (!body || !body.peaks || !body.peaks.length) return;
      const context = canvas.getContext('2d');
      const color = getComputedStyle(document.documentElement).getPropertyValue('--accent');
      const width = canvas.width / body.peaks.length;
      context.fillStyle = color.trim() || '#5a3fd6';
      body.peaks.forEach((peak, i) => {
        const h = Math.max(1, peak * canvas.height);
        context.fillRect(i * width, (canvas.height - h) / 2, Math.max(1, width - 1), h);
      });
    }).catch(() => {});
  }

  // A reload keeps the queue and the position, paused until the person presses Play.
  audio.volume = state.volume;
  audio.muted = state.muted;
  if (current()) {
    showTrack(current());
    ui.seek.max = Math.floor(current().durationMs / 1000);
    ui.seek.value = Math.floor(state.position || 0);
    ui.elapsed.textContent = clock(state.position);
  }
  showPlaying();
  ui.mute.querySelector('.icon-muted').style.display = audio.muted ? '' : 'none';
  ui.mute.querySelector('.icon-volume').style.display = audio.muted ? 'none' : '';
  decorate();
})();
