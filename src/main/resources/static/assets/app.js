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

  // --- the browser's language and time zone: dates the server wrote in UTC, shown in local time -------------------
  const dateTimes = new Intl.DateTimeFormat(navigator.languages, { dateStyle: 'medium', timeStyle: 'short' });
  function localise(scope) {
    scope.querySelectorAll('time[datetime]:not([data-local])').forEach((time) => {
      const at = new Date(time.getAttribute('datetime'));
      if (isNaN(at)) return;
      time.dataset.local = 'true';
      time.textContent = time.dataset.dateOnly !== undefined
        ? at.toLocaleDateString(navigator.languages, { dateStyle: 'medium' }) : dateTimes.format(at);
    });
  }
  document.addEventListener('htmx:load', (event) => localise(event.detail.elt));

  // Share: the system's share sheet where there is one, else the link copied to the clipboard.
  document.addEventListener('click', (event) => {
    const share = event.target.closest('[data-share]');
    if (!share) return;
    event.preventDefault();
    const link = new URL(share.getAttribute('href'), location.href).href;
    const status = share.parentElement.querySelector('[data-share-status]');
    if (navigator.share) {
      navigator.share({ title: document.title, url: link }).catch(() => {});
    } else if (navigator.clipboard) {
      navigator.clipboard.writeText(link).then(() => { if (status) status.textContent = share.dataset.copied; }, () => {});
    }
  });

  // Copy: a secret shown once (an API key, an app password) goes to the clipboard; the button says it did.
  document.addEventListener('click', (event) => {
    const copy = event.target.closest('[data-copy]');
    if (!copy || !navigator.clipboard) return;
    const source = document.querySelector(copy.dataset.copy);
    if (!source) return;
    navigator.clipboard.writeText(source.textContent.trim()).then(() => { copy.textContent = copy.dataset.copied; }, () => {});
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
  let refreshedAt = 0;

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

  // --- loudness ---------------------------------------------------------------------------------------------
  // Each master playlist carries its track's playback gain (ReplayGain 2.0 to -18 LUFS, kept so the true peak
  // stays under -1 dBTP). It is applied through Web Audio, so a quiet track is lifted as well as a loud one
  // lowered, and every change glides over 50 ms: switching tracks or the setting never clicks. The setting is
  // this device's, on unless turned off.
  const GAIN_DATA_ID = 'fr.veza.playback-gain-db';
  const NORMALISE_KEY = 'veza.player.normalise';
  const normaliseBox = $('player-normalise');
  let normalise = localStorage.getItem(NORMALISE_KEY) !== 'off';
  let trackGainDb = 0;
  let graph = null;
  if (normaliseBox) {
    normaliseBox.checked = normalise;
    normaliseBox.addEventListener('change', () => {
      normalise = normaliseBox.checked;
      localStorage.setItem(NORMALISE_KEY, normalise ? 'on' : 'off');
      applyGain();
    });
  }
  // made on the first play, which follows a gesture, so the browser lets the context run
  function audioGraph() {
    if (graph) return graph;
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return null;
    const context = new Context();
    const gain = context.createGain();
    context.createMediaElementSource(audio).connect(gain).connect(context.destination);
    audio.vezaGain = gain;
    graph = { context, gain };
    return graph;
  }
  function applyGain() {
    const db = normalise ? trackGainDb : 0;
    audio.dataset.gainDb = db.toFixed(2);
    if (!graph) return;
    const value = graph.gain.gain;
    const now = graph.context.currentTime;
    value.cancelScheduledValues(now);
    value.setValueAtTime(value.value, now);
    value.linearRampToValueAtTime(Math.pow(10, db / 20), now + 0.05);
  }
  function useGain(text) {
    const db = Number(text);
    trackGainDb = text != null && isFinite(db) ? db : 0;
    applyGain();
  }
  audio.addEventListener('play', () => {
    const made = audioGraph();
    if (made && made.context.state !== 'running') made.context.resume().catch(() => {});
    applyGain();
  });

  // --- lossless -----------------------------------------------------------------------------------------------
  // A lossless upload has a FLAC rendition in fragmented MP4. hls.js (1.4) cannot play FLAC, so where Media Source
  // Extensions can, and the listener chose Lossless on this device, its segments are fed to the browser here: the
  // initialisation segment, then segments from wherever the listener is, a minute ahead at most, dropping what lies
  // well behind (browsers keep little audio in a source buffer). Anything else plays the AAC renditions.
  const LOSSLESS_KEY = 'veza.player.lossless';
  const LOSSLESS_TYPE = 'audio/mp4; codecs="flac"';
  const losslessBox = $('player-lossless');
  const losslessPlayable = !!(window.MediaSource && MediaSource.isTypeSupported(LOSSLESS_TYPE));
  let lossless = null;
  if (losslessBox) {
    losslessBox.closest('.player-setting').hidden = !losslessPlayable;
    losslessBox.checked = losslessPlayable && localStorage.getItem(LOSSLESS_KEY) === 'on';
    losslessBox.addEventListener('change', () => {
      localStorage.setItem(LOSSLESS_KEY, losslessBox.checked ? 'on' : 'off');
      const track = current();
      if (track && loadedId === track.id) {
        const playing = !audio.paused;
        attach(track, audio.currentTime).then(() => { if (playing) audio.play().catch(() => {}); });
      }
    });
  }
  function wantsLossless() { return losslessPlayable && losslessBox && losslessBox.checked; }

  // The lossless variant's address in a master playlist, or null when the track has none.
  function losslessVariant(master, base) {
    const lines = master.split('\n');
    for (let i = 0; i < lines.length - 1; i++) {
      if (lines[i].startsWith('#EXT-X-STREAM-INF') && lines[i].includes('CODECS="fLaC"')) {
        return new URL(lines[i + 1].trim(), base).href;
      }
    }
    return null;
  }
  function sessionGain(master) {
    const found = master.match(/#EXT-X-SESSION-DATA:DATA-ID="fr\.veza\.playback-gain-db",VALUE="([^"]*)"/);
    return found ? found[1] : null;
  }

  async function playLossless(track, startAt, variantUrl) {
    const text = await (await fetch(variantUrl, { credentials: 'same-origin' })).text();
    const base = new URL(variantUrl, location.href);
    const map = text.match(/#EXT-X-MAP:URI="([^"]+)"/);
    const segments = [];
    let at = 0;
    let duration = null;
    for (const line of text.split('\n')) {
      if (line.startsWith('#EXTINF:')) duration = parseFloat(line.substring(8));
      else if (line.trim() && !line.startsWith('#') && duration != null) {
        segments.push({ url: new URL(line.trim(), base).href, start: at, end: at + duration });
        at += duration;
        duration = null;
      }
    }
    if (!map || !segments.length) throw new Error('not a lossless playlist');
    const source = new MediaSource();
    const session = { destroyed: false, abort: null, next: 0, source, total: at };
    const finished = () => session.destroyed || loadedId !== track.id;
    const indexAt = (time) => {
      const found = segments.findIndex((segment) => time < segment.end);
      return found < 0 ? segments.length - 1 : found;
    };
    const bufferedAhead = () => {
      const ranges = audio.buffered;
      for (let i = 0; i < ranges.length; i++) {
        if (ranges.start(i) <= audio.currentTime + 0.1 && ranges.end(i) > audio.currentTime) return ranges.end(i) - audio.currentTime;
      }
      return 0;
    };
    const appended = (buffer, run) => new Promise((resolve, reject) => {
      const forget = () => { buffer.removeEventListener('updateend', done); buffer.removeEventListener('error', failed); };
      const done = () => { forget(); resolve(); };
      const failed = () => { forget(); reject(new Error('append')); };
      buffer.addEventListener('updateend', done);
      buffer.addEventListener('error', failed);
      try { run(); } catch (e) { forget(); reject(e); } // a full buffer throws QuotaExceededError at once
    });
    const fetchBytes = async (url) => {
      session.abort = new AbortController();
      const response = await fetch(url, { credentials: 'same-origin', signal: session.abort.signal });
      if (!response.ok) throw Object.assign(new Error('segment'), { status: response.status });
      return response.arrayBuffer();
    };
    const objectUrl = URL.createObjectURL(source);
    session.destroy = () => {
      session.destroyed = true;
      if (session.abort) session.abort.abort();
      URL.revokeObjectURL(objectUrl);
    };
    session.seek = () => {
      const wanted = indexAt(audio.currentTime);
      if (bufferedAhead() <= 0 && wanted !== session.next) {
        session.next = wanted;
        if (session.abort) session.abort.abort();
      }
    };
    audio.src = objectUrl;
    audio.dataset.rendition = 'lossless';
    await new Promise((resolve) => source.addEventListener('sourceopen', resolve, { once: true }));
    const buffer = source.addSourceBuffer(LOSSLESS_TYPE);
    source.duration = at;
    const init = await fetchBytes(new URL(map[1], base).href);
    await appended(buffer, () => buffer.appendBuffer(init));
    session.next = indexAt(startAt || 0);
    (async () => {
      while (!finished()) {
        if (session.next >= segments.length || bufferedAhead() > 60) {
          // all in (a seek back past what was dropped reopens the source), or far enough ahead for now
          if (session.next >= segments.length && source.readyState === 'open' && !buffer.updating) source.endOfStream();
          await new Promise((resolve) => setTimeout(resolve, 500));
          continue;
        }
        const index = session.next;
        let data;
        try {
          data = await fetchBytes(segments[index].url);
        } catch (e) {
          if (finished()) return;
          if (e.name === 'AbortError') continue; // a seek chose another segment
          // an expired link: a fresh master, from where the listener is
          const playing = !audio.paused;
          attach(track, audio.currentTime).then(() => { if (playing) audio.play().catch(() => {}); });
          return;
        }
        if (finished()) return;
        if (index !== session.next) continue;
        const behind = audio.currentTime - 20;
        if (behind > 0 && buffer.buffered.length && buffer.buffered.start(0) < behind) {
          await appended(buffer, () => buffer.remove(0, behind));
        }
        try {
          await appended(buffer, () => buffer.appendBuffer(data));
          session.next = index + 1;
        } catch (e) {
          await new Promise((resolve) => setTimeout(resolve, 1000)); // full: playback frees room
        }
      }
    })();
    return session;
  }
  audio.addEventListener('seeking', () => { if (lossless) lossless.seek(); });

  // Signed segment URLs expire: on a network failure, fetch a fresh master and go on from where it stopped.
  async function attach(track, startAt) {
    if (hls) { hls.destroy(); hls = null; }
    if (lossless) { lossless.destroy(); lossless = null; }
    delete audio.dataset.rendition;
    loadedId = track.id;
    const resume = () => {
      if (startAt > 0 && isFinite(startAt)) audio.currentTime = startAt;
    };
    if (wantsLossless()) {
      try {
        const master = await (await fetch(track.stream, { credentials: 'same-origin' })).text();
        const variant = losslessVariant(master, new URL(track.stream, location.href));
        if (variant && loadedId === track.id) {
          useGain(sessionGain(master));
          audio.addEventListener('loadedmetadata', resume, { once: true });
          lossless = await playLossless(track, startAt, variant);
          return;
        }
      } catch (e) { /* AAC, below */ }
      if (lossless) { lossless.destroy(); lossless = null; }
      delete audio.dataset.rendition;
    }
    audio.addEventListener('loadedmetadata', resume, { once: true });
    // without Lossless, the master leaves it out, so neither hls.js nor a browser's own HLS can pick it
    const stream = track.stream + (track.stream.includes('?') ? '&' : '?') + 'lossless=false';
    audio.dataset.rendition = 'aac';
    if (useHls()) {
      const Hls = await loadHlsLibrary();
      hls = new Hls({ enableWorker: true, startPosition: startAt > 0 ? startAt : -1 });
      hls.on(Hls.Events.ERROR, (event, data) => {
        // an expired link answers 403 at once: fetch a fresh master now rather than after hls.js's retries
        const expired = data.response && data.response.code === 403 && Date.now() - refreshedAt > 5000;
        if (!data.fatal && !expired) return;
        const at = audio.currentTime;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR) { hls.recoverMediaError(); return; }
        const playing = !audio.paused;
        refreshedAt = Date.now();
        attach(track, at).then(() => { if (playing) audio.play().catch(() => {}); });
      });
      hls.on(Hls.Events.MANIFEST_LOADED, (event, data) => {
        const gain = data.sessionData && data.sessionData[GAIN_DATA_ID];
        useGain(gain ? gain.VALUE : null);
      });
      hls.loadSource(stream);
      hls.attachMedia(audio);
    } else {
      audio.src = stream;
      fetch(stream, { credentials: 'same-origin' })
        .then((response) => response.ok ? response.text() : '')
        .then((text) => {
          if (loadedId === track.id) useGain(sessionGain(text));
        })
        .catch(() => {});
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
    // the page's own address, so the session says who listened (the API takes no cookie)
    const headers = { 'Content-Type': 'application/json' };
    if (csrf) headers['X-CSRF-TOKEN'] = csrf.content;
    fetch('/tracks/' + encodeURIComponent(track.id) + '/plays', {
      method: 'POST', headers, keepalive: true, credentials: 'same-origin',
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
  // The waveform is a seek bar for its track: the part already heard is drawn in the accent colour, and a click
  // seeks there (or starts the track there). The player's own slider stays the keyboard's way to seek.
  function drawWaveform(canvas) {
    canvas.dataset.drawn = 'true';
    fetch(canvas.dataset.waveform, { credentials: 'same-origin' }).then((r) => r.ok ? r.json() : null).then((body) => {
      if (!body || !body.peaks || !body.peaks.length) return;
      canvas.peaks = body.peaks;
      canvas.classList.add('drawn');
      paintWaveform(canvas);
    }).catch(() => {});
  }
  function paintWaveform(canvas) {
    const peaks = canvas.peaks;
    if (!peaks) return;
    const style = getComputedStyle(document.documentElement);
    const heard = style.getPropertyValue('--accent').trim() || '#5a3fd6';
    const ahead = style.getPropertyValue('--muted').trim() || '#888';
    const track = current();
    const mine = track && loadedId === track.id && track.id === canvas.closest('[data-track-id]')?.dataset.trackId;
    const progress = mine && audio.duration ? audio.currentTime / audio.duration : 0;
    const context = canvas.getContext('2d');
    const width = canvas.width / peaks.length;
    context.clearRect(0, 0, canvas.width, canvas.height);
    peaks.forEach((peak, i) => {
      const h = Math.max(1, peak * canvas.height);
      context.fillStyle = (i + 0.5) / peaks.length <= progress ? heard : ahead;
      context.fillRect(i * width, (canvas.height - h) / 2, Math.max(1, width - 1), h);
    });
  }
  document.addEventListener('click', (event) => {
    const canvas = event.target.closest('canvas[data-waveform]');
    if (!canvas) return;
    const holder = canvas.closest('[data-track-id]');
    const box = canvas.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    const track = current();
    if (track && loadedId === track.id && track.id === holder.dataset.trackId && isFinite(audio.duration)) {
      audio.currentTime = fraction * audio.duration;
      if (audio.paused) audio.play().catch(() => {});
    } else {
      const chosen = trackFrom(holder);
      state.queue = [chosen];
      start(0, fraction * (chosen.durationMs || 0) / 1000, true);
    }
  });
  audio.addEventListener('timeupdate', () => {
    document.querySelectorAll('canvas[data-waveform][data-drawn]').forEach(paintWaveform);
  });

  // --- chat: one socket while a conversation is on screen, opened with the session cookie ------------------------
  let socket = null;
  let typingSentAt = 0;
  const typingTimers = new Map();
  const seen = new Set();
  function chatRoom() { return $('chat-room'); }
  function memberName(room, id) {
    const member = room.querySelector('[data-member="' + CSS.escape(id) + '"]');
    return member ? member.dataset.name : '';
  }
  // The socket stays open on every page while signed in: it carries notifications (and the unread count) too.
  function signedIn() { return document.querySelector('.notifications-link') !== null; }
  function connectChat() {
    if (!signedIn()) {
      if (socket) { const closing = socket; socket = null; closing.close(); }
      return;
    }
    if (socket) {
      const room = chatRoom();
      if (room && socket.readyState === WebSocket.OPEN) room.dataset.live = 'true';
      return;
    }
    const opened = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/chat/ws');
    socket = opened;
    seen.clear();
    opened.addEventListener('open', () => {
      const room = chatRoom();
      if (room) room.dataset.live = 'true';
      if (document.visibilityState === 'hidden') sendFrame({ type: 'presence', status: 'away' });
    });
    opened.addEventListener('message', (event) => {
      try { onChatFrame(JSON.parse(event.data)); } catch (e) { /* a frame we do not understand */ }
    });
    opened.addEventListener('close', () => {
      const room = chatRoom();
      if (room) delete room.dataset.live;
      if (socket !== opened) return;
      socket = null;
      setTimeout(connectChat, 2000);
    });
  }
  function sendFrame(frame) {
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }
  function messageLine(room, message) {
    const item = document.createElement('li');
    item.className = 'chat-message' + (message.author_id === room.dataset.me ? ' mine' : '');
    item.dataset.messageId = message.id;
    const head = document.createElement('p');
    head.className = 'chat-head';
    const author = document.createElement('strong');
    author.textContent = memberName(room, message.author_id);
    const time = document.createElement('time');
    time.className = 'muted';
    time.setAttribute('datetime', message.created_at);
    head.append(author, ' ', time);
    const body = document.createElement('p');
    body.className = 'chat-body';
    body.textContent = message.body;
    item.append(head, body);
    const cards = linkCards(room, message.cards);
    if (cards) item.append(cards);
    const own = $('chat-own-template');
    if (own && message.author_id === room.dataset.me) {
      const controls = own.content.firstElementChild.cloneNode(true);
      controls.querySelectorAll('form').forEach((form) => {
        form.setAttribute('action', form.getAttribute('action').replace('MESSAGE_ID', message.id));
      });
      controls.querySelector('label').htmlFor = 'edit-' + message.id;
      const field = controls.querySelector('input[name="body"]');
      field.id = 'edit-' + message.id;
      field.value = message.body;
      item.append(controls);
      if (window.htmx) htmx.process(controls);
    }
    localise(item);
    return item;
  }
  // the tracks and playlists a message links to, as the page draws them
  function linkCards(room, cards) {
    if (!cards || cards.length === 0) return null;
    const list = document.createElement('ul');
    list.className = 'chat-cards';
    cards.forEach((card) => {
      const item = document.createElement('li');
      item.className = 'chat-card';
      const link = document.createElement('a');
      link.href = card.href;
      if (card.cover_url) {
        const cover = document.createElement('img');
        cover.src = card.cover_url;
        cover.alt = '';
        cover.width = 48;
        cover.height = 48;
        link.append(cover);
      } else {
        const blank = document.createElement('span');
        blank.className = 'chat-card-blank';
        blank.setAttribute('aria-hidden', 'true');
        blank.textContent = card.type === 'track' ? '♪' : '≡';
        link.append(blank);
      }
      const text = document.createElement('span');
      text.className = 'chat-card-text';
      const title = document.createElement('strong');
      title.textContent = card.title;
      const by = document.createElement('span');
      by.className = 'muted';
      by.textContent = (card.type === 'track' ? room.dataset.cardTrack : room.dataset.cardPlaylist).replace('{0}', card.artist || '');
      text.append(title, by);
      link.append(text);
      item.append(link);
      list.append(item);
    });
    return list;
  }
  function showUnread(count) {
    const link = document.querySelector('.notifications-link');
    if (!link || typeof count !== 'number') return;
    let badge = link.querySelector('.badge');
    if (count > 0) {
      if (!badge) {
        badge = document.createElement('span');
        badge.className = 'badge';
        badge.setAttribute('aria-hidden', 'true');
        link.append(badge);
      }
      badge.textContent = String(count);
      link.setAttribute('aria-label', link.dataset.unreadLabel.replace('{0}', String(count)));
    } else {
      if (badge) badge.remove();
      link.removeAttribute('aria-label');
    }
  }
  function onChatFrame(frame) {
    if (frame.type === 'notification' || frame.type === 'unread_count') {
      showUnread(frame.unread_count);
      return;
    }
    const room = chatRoom();
    if (!room || frame.room_id !== room.dataset.roomId) return;
    const list = $('chat-messages');
    const me = room.dataset.me;
    if (frame.type === 'message') {
      const message = frame.message;
      if (list.querySelector('[data-message-id="' + CSS.escape(message.id) + '"]')) return;
      const empty = room.querySelector(':scope > p.muted');
      if (empty && !empty.id) empty.remove();
      list.append(messageLine(room, message));
      list.lastElementChild.scrollIntoView({ block: 'nearest' });
      if (message.author_id !== me) {
        clearTyping(message.author_id);
        if (document.visibilityState === 'visible') sendFrame({ type: 'read', room_id: frame.room_id, message_id: message.id });
      } else {
        seen.clear();
        $('chat-seen').textContent = '';
      }
    } else if (frame.type === 'message_hidden') {
      const line = list.querySelector('[data-message-id="' + CSS.escape(frame.message_id) + '"]');
      if (!line || line.classList.contains('mine')) return;
      const body = line.querySelector('.chat-body');
      body.textContent = room.dataset.hidden;
      body.classList.add('muted');
      const cards = line.querySelector('.chat-cards');
      if (cards) cards.remove();
    } else if (frame.type === 'message_edited' || frame.type === 'message_deleted') {
      const id = frame.type === 'message_edited' ? frame.message.id : frame.message_id;
      const line = list.querySelector('[data-message-id="' + CSS.escape(id) + '"]');
      if (!line) return;
      const body = line.querySelector('.chat-body');
      if (frame.type === 'message_edited') {
        body.textContent = frame.message.body;
        body.classList.remove('muted');
        const before = line.querySelector('.chat-cards');
        if (before) before.remove();
        const cards = linkCards(room, frame.message.cards);
        if (cards) body.after(cards);
        if (!line.querySelector('.chat-edited')) {
          const mark = document.createElement('span');
          mark.className = 'muted chat-edited';
          mark.textContent = room.dataset.edited;
          line.querySelector('.chat-head').append(' ', mark);
        }
      } else {
        body.textContent = room.dataset.deleted;
        body.classList.add('muted');
        const cards = line.querySelector('.chat-cards');
        if (cards) cards.remove();
        const own = line.querySelector('.chat-own');
        if (own) own.remove();
      }
    } else if (frame.type === 'member_joined' || frame.type === 'member_left') {
      if (frame.type === 'member_left' && frame.user_id === me) { location.reload(); return; }
      const line = document.createElement('li');
      line.className = 'chat-system muted';
      const template = frame.type === 'member_joined' ? room.dataset.joined : room.dataset.left;
      line.textContent = template.replace('{0}', memberName(room, frame.user_id) || '…');
      list.append(line);
    } else if (frame.type === 'typing' && frame.user_id !== me) {
      clearTyping(frame.user_id);
      typingTimers.set(frame.user_id, setTimeout(() => clearTyping(frame.user_id), 5000));
      showTyping(room);
    } else if (frame.type === 'receipt' && frame.kind === 'read' && frame.user_id !== me) {
      seen.add(memberName(room, frame.user_id));
      $('chat-seen').textContent = room.dataset.seen.replace('{0}', [...seen].join(', '));
    } else if (frame.type === 'error') {
      $('chat-error').textContent = frame.detail;
    }
  }
  function clearTyping(userId) {
    clearTimeout(typingTimers.get(userId));
    typingTimers.delete(userId);
    const room = chatRoom();
    if (room) showTyping(room);
  }
  function showTyping(room) {
    const names = [...typingTimers.keys()].map((id) => memberName(room, id));
    $('chat-typing').textContent = names.length ? room.dataset.typing.replace('{0}', names.join(', ')) : '';
  }
  // With the socket open, sending is a frame (the form posts as a plain form otherwise).
  document.addEventListener('submit', (event) => {
    if (event.target.id !== 'chat-send') return;
    const room = chatRoom();
    const field = $('chat-body');
    const body = field.value.trim();
    if (!room || !body) return;
    if (sendFrame({ type: 'send', room_id: room.dataset.roomId, body, client_ref: String(Date.now()) })) {
      event.preventDefault();
      event.stopImmediatePropagation();
      field.value = '';
      $('chat-error').textContent = '';
    }
  }, true);
  document.addEventListener('keydown', (event) => {
    if (event.target.id !== 'chat-body' || event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    event.target.form.requestSubmit();
  });
  document.addEventListener('input', (event) => {
    if (event.target.id !== 'chat-body' || Date.now() - typingSentAt < 3000) return;
    const room = chatRoom();
    if (room && sendFrame({ type: 'typing', room_id: room.dataset.roomId })) typingSentAt = Date.now();
  });
  document.addEventListener('htmx:afterSettle', connectChat);
  // Veza in a background tab reads as away to the people one chats with (who see it only if one shows it)
  document.addEventListener('visibilitychange', () => {
    sendFrame({ type: 'presence', status: document.visibilityState === 'hidden' ? 'away' : 'online' });
  });

  // --- Web Push: "Notify me on this device" on the notification settings ------------------------------------------
  function pushKey(base64url) {
    const raw = atob((base64url + '='.repeat((4 - base64url.length % 4) % 4)).replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(raw, (c) => c.charCodeAt(0));
  }
  function postJson(url, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (csrf) headers['X-CSRF-TOKEN'] = csrf.content;
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body) });
  }
  function mountPush() {
    const section = $('push-devices');
    if (!section || section.dataset.mounted || !section.dataset.vapidKey) return;
    section.dataset.mounted = 'true';
    const status = $('push-status');
    const on = $('push-subscribe');
    const off = $('push-unsubscribe');
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
      status.textContent = status.dataset.unsupported;
      return;
    }
    const listed = (endpoint) => [...section.querySelectorAll('[data-endpoint]')].some((item) => item.dataset.endpoint === endpoint);
    navigator.serviceWorker.register('/assets/sw.js').then(() => navigator.serviceWorker.ready).then((registration) => {
      return registration.pushManager.getSubscription().then((current) => {
        const subscribed = current && listed(current.endpoint);
        on.hidden = Boolean(subscribed);
        off.hidden = !subscribed;
        if (subscribed) status.textContent = status.dataset.on;
        if (Notification.permission === 'denied') status.textContent = status.dataset.denied;
        on.addEventListener('click', () => {
          Notification.requestPermission().then((permission) => {
            if (permission !== 'granted') { status.textContent = status.dataset.denied; return null; }
            return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: pushKey(section.dataset.vapidKey) })
              .then((subscription) => {
                const json = subscription.toJSON();
                return postJson('/settings/notifications/devices', { endpoint: json.endpoint, expiration_time: json.expirationTime, keys: json.keys });
              })
              .then((response) => { if (!response.ok) throw new Error(String(response.status)); location.reload(); });
          }).catch(() => { status.textContent = status.dataset.failed; });
        });
        off.addEventListener('click', () => {
          registration.pushManager.getSubscription().then((subscription) => {
            if (!subscription) return null;
            const endpoint = subscription.endpoint;
            return subscription.unsubscribe().then(() => postJson('/settings/notifications/devices/forget', { endpoint }));
          }).then(() => location.reload()).catch(() => { status.textContent = status.dataset.failed; });
        });
      });
    }).catch(() => { status.textContent = status.dataset.unsupported; });
  }
  document.addEventListener('htmx:afterSettle', mountPush);

  // --- the payment provider's form (real keys only; the sandbox has plain buttons) ---------------------------------
  // Its script is allowed by the order page's own policy, so an order page reached by a swap loads as a page.
  function mountCheckout() {
    const form = $('provider-checkout');
    if (!form || form.dataset.mounted) return;
    if (!document.querySelector('meta[name="veza-checkout"]')) { location.reload(); return; }
    form.dataset.mounted = 'true';
    const error = $('provider-checkout-error');
    const script = document.createElement('script');
    script.src = form.dataset.sdk;
    script.onerror = () => { error.textContent = 'The payment form could not be loaded.'; };
    script.onload = () => {
      const hyper = window.Hyper(form.dataset.key);
      const widgets = hyper.widgets({ clientSecret: form.dataset.clientSecret });
      widgets.create('payment', {}).mount('#provider-checkout-form');
      const done = location.pathname + '?submitted=1';
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        error.textContent = '';
        const result = await hyper.confirmPayment({
          widgets, confirmParams: { return_url: new URL(done, location.href).href }, redirect: 'if_required',
        });
        if (result && result.error) { error.textContent = result.error.message || 'The payment did not go through.'; return; }
        location.assign(done);
      });
    };
    document.head.appendChild(script);
  }
  document.addEventListener('htmx:afterSettle', mountCheckout);

  // --- the studio's upload: real progress while the bytes go up, then the new track's page -----------------------
  // Sent with XMLHttpRequest, the one browser API that reports upload progress; the music keeps playing.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.id !== 'upload-form') return;
    event.preventDefault();
    const progress = $('upload-progress');
    const status = $('upload-status');
    const submit = form.querySelector('button[type="submit"]');
    const request = new XMLHttpRequest();
    let reports = 0;
    const fail = (text) => {
      submit.disabled = false;
      status.textContent = '';
      let error = $('upload-error');
      if (!error) {
        error = document.createElement('p');
        error.id = 'upload-error';
        error.className = 'field-error';
        error.setAttribute('role', 'alert');
        form.prepend(error);
      }
      error.textContent = text;
    };
    request.open('POST', form.action);
    if (csrf) request.setRequestHeader('X-CSRF-TOKEN', csrf.content);
    request.upload.addEventListener('progress', (progressEvent) => {
      if (!progressEvent.lengthComputable) return;
      const percent = Math.floor((progressEvent.loaded * 100) / progressEvent.total);
      reports += 1;
      progress.value = percent;
      progress.dataset.reports = reports;
      status.textContent = form.dataset.sending.replace('{0}', percent);
    });
    request.addEventListener('load', () => {
      const answer = new DOMParser().parseFromString(request.responseText, 'text/html');
      const again = answer.getElementById('upload-form');
      if (request.status >= 200 && request.status < 300 && !again) {
        status.textContent = form.dataset.processing;
        const next = new URL(request.responseURL, location.href);
        htmx.ajax('GET', next.pathname, { target: '#page', select: '#page', swap: 'outerHTML show:window:top' })
          .then(() => history.pushState({ htmx: true }, '', next.pathname));
        return;
      }
      const refused = answer.getElementById('main');
      if (again && refused) {
        $('main').replaceWith(refused);
        htmx.process(refused);
        refused.focus();
        return;
      }
      fail(request.status === 413 ? form.dataset.tooLarge
        : request.status === 415 ? form.dataset.unsupported : form.dataset.failed);
    });
    request.addEventListener('error', () => fail(form.dataset.failed));
    submit.disabled = true;
    $('upload-progress-box').hidden = false;
    progress.value = 0;
    request.send(new FormData(form));
  });
  // A file dropped anywhere on the upload's file field is the file to send.
  document.addEventListener('dragover', (event) => {
    if (event.target.closest && event.target.closest('.drop-zone')) event.preventDefault();
  });
  document.addEventListener('drop', (event) => {
    const zone = event.target.closest && event.target.closest('.drop-zone');
    if (!zone || !event.dataTransfer.files.length) return;
    event.preventDefault();
    zone.querySelector('input[type="file"]').files = event.dataTransfer.files;
  });

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
  localise(document);
  connectChat();
  mountCheckout();
  mountPush();
})();
