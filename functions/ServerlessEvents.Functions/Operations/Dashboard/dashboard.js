(() => {
  'use strict';
  // Untrusted text (event fields, errors, URLs) only ever goes through textContent or attributes, never innerHTML.
  const STORAGE_KEY = 'serverlessEvents.tenantKey';
  const FEED_CAP = 200, SEEN_CAP = 5000, SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  let key = sessionStorage.getItem(STORAGE_KEY);
  let timers = [], liveHub = null, live = false, lastPoll = 0;
  const seen = new Set(), seenOrder = [];
  const busy = {};

  async function api(path, options = {}) {
    const headers = { ...(options.headers || {}), Authorization: 'Bearer ' + key };
    if (options.body) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { ...options, headers, cache: 'no-store' });
    const text = await res.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = null; }
    return { ok: res.ok, status: res.status, body };
  }

  function once(name, fn) {
    return async () => {
      if (busy[name]) return;
      busy[name] = true;
      try { await fn(); } catch (err) { console.warn(name, err); } finally { busy[name] = false; }
    };
  }

  function setLive(text, cls) {
    const pill = $('live-status');
    pill.textContent = text;
    pill.className = 'pill ' + (cls || '');
  }

  function show(signedIn) {
    $('sign-in').hidden = signedIn;
    $('board').hidden = !signedIn;
    $('sign-out').hidden = !signedIn;
    if (!signedIn) setLive('signed out');
  }

  // ---- live feed -------------------------------------------------------------------------------
  const idOf = (e) => (e.source || '') + '\n' + e.id;
  function remember(id) {
    seen.add(id);
    seenOrder.push(id);
    if (seenOrder.length > SEEN_CAP) seen.delete(seenOrder.shift());
  }
  function eventRow(e) {
    const li = el('li', 'fresh');
    li.dataset.eventId = String(e.id);
    const t = el('time', null, e.time ? new Date(e.time).toLocaleTimeString() : '');
    if (e.time) t.dateTime = String(e.time);
    const type = el('span', 'type', e.type);
    type.title = String(e.type);
    const id = el('span', 'event-id', e.id);
    id.title = String(e.source || '');
    if (e.subject) id.appendChild(el('span', 'sub', e.subject));
    li.append(t, type, id);
    return li;
  }
  function addEvents(items) {
    const list = $('feed');
    const fresh = items.filter((e) => e && e.id !== undefined && !seen.has(idOf(e)));
    for (let i = fresh.length - 1; i >= 0; i--) {
      remember(idOf(fresh[i]));
      list.insertBefore(eventRow(fresh[i]), list.firstChild);
    }
    while (list.childElementCount > FEED_CAP) list.lastElementChild.remove();
    $('feed-empty').hidden = list.childElementCount > 0;
    $('feed-count').textContent = seen.size ? `(${seen.size} seen, newest first)` : '';
  }
  const pollEvents = once('events', async () => {
    // While the SignalR feed is live it brings every event; polling only fills in while it is down.
    if (live || Date.now() - lastPoll < 950) return; // at most once a second
    lastPoll = Date.now();
    const r = await api('/api/events?limit=100');
    if (r.status === 401) return signOut('The key is no longer accepted.');
    if (r.ok && r.body && Array.isArray(r.body.items)) addEvents(r.body.items);
  });

  // ---- SignalR (when /api/negotiate answers), else polling -------------------------------------
  // The official browser client (@microsoft/signalr, served by the app itself) connects with the URL and token that
  // /api/negotiate gives for the key alone, reconnects on its own, and asks /api/negotiate for a fresh token each time.
  // While it is connected the page does not poll; while it is down the page polls every second.
  async function liveAccess() {
    const r = await api('/api/negotiate', { method: 'POST' });
    if (!r.ok || !r.body || !r.body.url || !r.body.accessToken) throw new Error('negotiate answered ' + r.status);
    return r.body;
  }
  function polling(text) { live = false; setLive(text || 'polling every 1 s', 'polling'); }
  async function connectLive() {
    if (!window.signalR) return polling();
    let access;
    try { access = await liveAccess(); } catch (err) { return polling(); }
    let fresh = access.accessToken;
    const hub = new signalR.HubConnectionBuilder()
      .withUrl(access.url, {
        transport: signalR.HttpTransportType.WebSockets,
        accessTokenFactory: async () => {
          if (fresh) { const token = fresh; fresh = null; return token; }
          return (await liveAccess()).accessToken;
        },
      })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(10000, 500 * 2 ** Math.min(ctx.previousRetryCount, 5)) })
      .configureLogging(signalR.LogLevel.None)
      .build();
    hub.on('event', (...args) => addEvents(args.flat().filter((a) => a && typeof a === 'object' && a.id !== undefined && a.type)));
    hub.onreconnecting(() => polling('reconnecting; polling every 1 s'));
    hub.onreconnected(() => { live = true; setLive('live (SignalR)', 'live'); });
    hub.onclose(() => { if (liveHub !== hub) return; liveHub = null; polling(); }); // not after a sign-out
    liveHub = hub;
    try {
      await hub.start();
      live = true;
      setLive('live (SignalR)', 'live');
    } catch (err) {
      if (liveHub === hub) liveHub = null;
      polling();
    }
  }

  // ---- stats chart ----------------------------------------------------------------------------
  const loadStats = once('stats', async () => {
    const r = await api('/api/events/stats');
    if (!r.ok || !r.body) return;
    const entries = Object.entries(r.body.byType || {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
    const chart = $('chart');
    chart.replaceChildren();
    if (!entries.length) { chart.appendChild(el('p', 'muted', 'No events in the last hour.')); return; }
    const rowH = 26, labelW = 170, width = Math.max(320, chart.clientWidth || 520), max = Math.max(...entries.map((e) => e[1]));
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${entries.length * rowH + 4}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', 'Events per type');
    entries.forEach(([type, count], i) => {
      const y = i * rowH + 4;
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', '0'); label.setAttribute('y', String(y + 15)); label.setAttribute('class', 'label');
      label.textContent = type.length > 24 ? type.slice(0, 23) + '…' : type;
      const bar = document.createElementNS(SVG, 'rect');
      const w = Math.max(2, (width - labelW - 60) * count / max);
      bar.setAttribute('x', String(labelW)); bar.setAttribute('y', String(y + 3)); bar.setAttribute('height', '16');
      bar.setAttribute('width', String(w)); bar.setAttribute('rx', '3'); bar.setAttribute('class', 'bar');
      const value = document.createElementNS(SVG, 'text');
      value.setAttribute('x', String(labelW + w + 6)); value.setAttribute('y', String(y + 15)); value.setAttribute('class', 'value');
      value.textContent = String(count);
      svg.append(label, bar, value);
    });
    chart.appendChild(svg);
  });

  // ---- webhooks -------------------------------------------------------------------------------
  const listOf = (b, ...names) => Array.isArray(b) ? b : (b && names.map((n) => b[n]).find(Array.isArray)) || [];
  const pick = (o, ...names) => names.map((n) => n.split('.').reduce((v, k) => (v == null ? v : v[k]), o)).find((v) => v !== undefined && v !== null);
  const loadWebhooks = once('webhooks', async () => {
    const r = await api('/api/webhooks');
    const body = $('webhooks'), failed = $('failed');
    if (!r.ok) {
      body.replaceChildren(); failed.replaceChildren();
      $('webhooks-note').textContent = r.status === 404 ? 'Webhook subscriptions are not available on this deployment.' : `Could not load webhooks (${r.status}).`;
      $('failed-note').textContent = 'No webhook deliveries to show.';
      return;
    }
    const subs = listOf(r.body, 'items', 'subscriptions', 'value');
    $('webhooks-note').textContent = subs.length ? '' : 'No webhook subscriptions.';
    body.replaceChildren(...subs.map((s) => {
      const tr = el('tr');
      const url = el('td', null, pick(s, 'url', 'endpoint', 'targetUrl') || pick(s, 'id', 'subscriptionId'));
      url.title = String(pick(s, 'id', 'subscriptionId') || '');
      const rate = pick(s, 'successRate', 'health.successRate', 'stats.successRate');
      const pct = typeof rate === 'number' ? (rate <= 1 ? rate * 100 : rate) : null;
      const rateCell = el('td', pct === null ? 'muted' : pct >= 95 ? 'ok' : pct >= 80 ? 'warn' : 'bad', pct === null ? '–' : pct.toFixed(1) + ' %');
      const lastError = pick(s, 'stats.lastError', 'lastError', 'health.lastError');
      const errCell = el('td', lastError ? 'bad' : 'muted', lastError ? (typeof lastError === 'string' ? lastError : JSON.stringify(lastError)) : '–');
      errCell.title = errCell.textContent;
      const disabled = s.enabled === false || pick(s, 'disabled') === true;
      const state = el('td', disabled ? 'bad' : 'ok', disabled ? 'disabled' : 'active');
      if (disabled && s.disabledReason) state.title = String(s.disabledReason);
      tr.append(url, rateCell, errCell, state);
      return tr;
    }));
    const rows = [];
    for (const s of subs) {
      const id = pick(s, 'id', 'subscriptionId');
      const d = await api(`/api/webhooks/${encodeURIComponent(id)}/deliveries?status=failed`);
      if (!d.ok) continue;
      for (const delivery of listOf(d.body, 'items', 'deliveries', 'value')) rows.push(failedRow(s, id, delivery));
    }
    failed.replaceChildren(...rows);
    $('failed-note').textContent = rows.length ? '' : 'No failed deliveries.';
  });
  function failedRow(sub, subId, d) {
    const deliveryId = pick(d, 'id', 'deliveryId');
    const tr = el('tr');
    tr.dataset.deliveryId = String(deliveryId);
    const ev = el('td', null, [pick(d, 'eventType', 'type', 'event.type'), pick(d, 'eventId', 'event.id')].filter(Boolean).join(' · '));
    const target = el('td', null, pick(sub, 'url', 'endpoint') || subId);
    const err = el('td', 'bad', pick(d, 'lastError', 'error') || 'failed');
    err.title = err.textContent;
    const button = el('button', 'small retry', 'Retry');
    button.type = 'button';
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = 'Retrying…';
      const r = await api(`/api/webhooks/${encodeURIComponent(subId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`, { method: 'POST' });
      button.textContent = r.ok ? 'Retried' : `Failed (${r.status})`;
      if (!r.ok && r.body) button.title = [r.body.title, r.body.detail].filter(Boolean).join(' ');
      setTimeout(loadWebhooks, 500);
    });
    const cell = el('td');
    cell.appendChild(button);
    tr.append(ev, target, err, cell);
    return tr;
  }

  // ---- replay ---------------------------------------------------------------------------------
  $('replay-mode').addEventListener('change', () => {
    const ids = $('replay-mode').value === 'ids';
    $('replay-ids-label').hidden = !ids;
    $('replay-filter').hidden = ids;
  });
  $('replay-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (id) => $(id).value.trim();
    const iso = (id) => (value(id) ? new Date(value(id)).toISOString() : undefined);
    const body = {};
    if ($('replay-mode').value === 'ids') body.ids = value('replay-ids').split(/\s+/).filter(Boolean);
    else body.filter = Object.fromEntries(Object.entries({ type: value('replay-type'), source: value('replay-source'), subject: value('replay-subject'), from: iso('replay-from'), to: iso('replay-to') }).filter(([, v]) => v));
    const kind = $('replay-target').value;
    body.target = kind === 'handler' ? { kind, name: value('replay-target-name') } : kind === 'webhook' ? { kind, subscriptionId: value('replay-target-name') } : { kind };
    const r = await api('/api/events/replay', { method: 'POST', body: JSON.stringify(body) });
    const out = $('replay-result');
    if (!r.ok) { out.className = 'result bad'; out.textContent = (r.body && (r.body.detail || r.body.title)) || `Replay refused (${r.status}).`; return; }
    out.className = 'result';
    out.textContent = `Replay ${r.body.replayId} started: ${r.body.count ?? 'counting'} events.`;
    trackReplay(r.body.replayId);
  });
  function trackReplay(id) {
    $('replay-progress').hidden = false;
    const timer = setInterval(async () => {
      const r = await api('/api/replays/' + encodeURIComponent(id));
      if (!r.ok) return;
      $('replay-bar').style.width = Math.min(100, r.body.percent || 0) + '%';
      $('replay-result').textContent = `Replay ${id}: ${r.body.status}, ${r.body.processed} of ${r.body.total ?? '?'} (${r.body.percent} %)`;
      if (r.body.status === 'completed' || r.body.status === 'failed') clearInterval(timer);
    }, 1000);
    timers.push(timer);
  }

  // ---- session --------------------------------------------------------------------------------
  async function start() {
    const probe = await api('/api/events?limit=1');
    if (probe.status === 401 || probe.status === 403) return signOut('That key was not accepted.');
    show(true);
    setLive('polling every 1 s', 'polling');
    timers.push(setInterval(pollEvents, 250), setInterval(loadStats, 5000), setInterval(loadWebhooks, 5000));
    pollEvents(); loadStats(); loadWebhooks(); connectLive();
  }
  function signOut(message) {
    sessionStorage.removeItem(STORAGE_KEY);
    key = null;
    timers.forEach(clearInterval);
    timers = [];
    live = false;
    if (liveHub) { const hub = liveHub; liveHub = null; hub.stop(); }
    $('feed').replaceChildren();
    seen.clear(); seenOrder.length = 0;
    show(false);
    $('sign-in-error').textContent = message || '';
  }
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = $('key-input').value.trim();
    if (!value) return;
    key = value;
    sessionStorage.setItem(STORAGE_KEY, value);
    $('key-input').value = '';
    $('sign-in-error').textContent = '';
    start();
  });
  $('sign-out').addEventListener('click', () => signOut(''));
  if (key) start(); else show(false);
})();
