// Live updates for server-rendered pages (README "Live updates"). The page works without this script; with it,
// the body's data-live-topics are joined on /hubs/market and each event updates the page in place:
//  - [data-live="resource"] [data-field="name"] elements take the event's data[name] (data-format="money": fen → ¥);
//  - an event named in the body's data-live-refresh, a gap in a resource's sequence, or a reconnect re-fetches the page
//    and swaps its [data-live-region] sections (forms outside them keep what the user typed).
(() => {
  'use strict';
  const body = document.body;
  const topics = (body.dataset.liveTopics || '').split(' ').filter(Boolean);
  if (topics.length === 0 || !window.signalR) return;

  const refreshOn = new Set((body.dataset.liveRefresh || '').split(' ').filter(Boolean));
  const status = document.getElementById('live-status');
  const seen = new Map();

  const setState = (state) => {
    body.dataset.liveState = state;
    if (!status) return;
    const text = state === 'reconnecting' ? status.dataset.reconnecting : state === 'offline' ? status.dataset.offline : '';
    status.textContent = text;
    status.hidden = !text;
  };

  const format = (el, value) => {
    if (el.dataset.format === 'money') return '¥' + (Number(value) / 100).toFixed(2);
    return typeof value === 'number' ? String(Number(value.toFixed(3))) : String(value);
  };

  let pending = null;
  const refresh = () => {
    pending ??= fetch(location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then((r) => (r.ok ? r.text() : null))
      .then((html) => {
        if (!html) return;
        const fresh = new DOMParser().parseFromString(html, 'text/html');
        for (const region of document.querySelectorAll('[data-live-region]')) {
          const replacement = fresh.getElementById(region.id);
          if (replacement) region.replaceWith(document.importNode(replacement, true));
        }
        body.dataset.liveRefreshed = String(Number(body.dataset.liveRefreshed || 0) + 1);
      })
      .catch(() => setState('offline'))
      .finally(() => { pending = null; });
    return pending;
  };

  const apply = (e) => {
    const last = seen.get(e.resource);
    if (last !== undefined && e.sequence <= last) return; // stale: delivery order is not promised
    seen.set(e.resource, e.sequence);
    if ((last !== undefined && e.sequence > last + 1) || refreshOn.has(e.name)) {
      refresh();
      return;
    }
    for (const target of document.querySelectorAll('[data-live="' + CSS.escape(e.resource) + '"]')) {
      for (const el of [target, ...target.querySelectorAll('[data-field]')]) {
        const field = el.dataset.field;
        if (field && e.data && field in e.data) {
          el.textContent = format(el, e.data[field]);
          el.classList.remove('changed');
          void el.offsetWidth; // restart the highlight
          el.classList.add('changed');
        }
      }
    }
  };

  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/market')
    .withAutomaticReconnect([0, 2000, 5000, 10000, 20000, 30000])
    .build();
  const join = () => Promise.all(topics.map((t) => connection.invoke('Join', t)));

  connection.on('Event', apply);
  connection.onreconnecting(() => setState('reconnecting'));
  connection.onreconnected(() => join().then(() => { setState('connected'); return refresh(); }));
  connection.onclose(() => setState('offline'));

  const start = () => connection.start()
    .then(join)
    .then(() => setState('connected'))
    .catch(() => { setState('reconnecting'); setTimeout(start, 5000); });
  start();
})();
