/* Frontdesk practice admin: the dashboard, content gaps, conversations, callback requests, handoffs and the audit log.
 * Plain JS, same-origin fetches (staff sign in on the page into a session that ends when idle), no inline script or style, every
 * text from the server rendered with textContent. Charts are hand-drawn SVG with a table of the same numbers. */
(() => {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const SVG_NS = 'http://www.w3.org/2000/svg';

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value == null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child == null || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
    if (text != null) node.textContent = String(text);
    return node;
  }

  // ---- talking to the server ----
  class Failure extends Error {
    constructor(message, status, errors) {
      super(message);
      this.status = status;
      // the fields a problem names (RFC 9457 "errors": field and detail)
      this.errors = Array.isArray(errors) ? errors : [];
    }
  }

  const SIGN_IN = '/api/admin/sign-in';

  // The practice the operator looks at (none: the account's own); every other admin call is for it.
  let practice = '';
  const ACCOUNT_PATHS = [SIGN_IN, '/api/admin/sign-out', '/api/admin/me', '/api/admin/practices'];

  function forPractice(path) {
    if (!practice || ACCOUNT_PATHS.includes(path) || path.startsWith('/api/admin/practices/')) return path;
    return path + (path.includes('?') ? '&' : '?') + 'practice=' + encodeURIComponent(practice);
  }

  async function api(path, options) {
    path = forPractice(path);
    const init = Object.assign({ credentials: 'same-origin', cache: 'no-store' }, options || {});
    init.headers = Object.assign({ Accept: 'application/json', 'X-Requested-With': 'frontdesk-admin' },
      init.body ? { 'Content-Type': 'application/json' } : {}, init.headers || {});
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new Failure('The server could not be reached. Check the connection and try again.', 0);
    }
    let body = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      try { body = await response.json(); } catch (e) { body = null; }
    }
    if (response.status === 401 && path !== SIGN_IN) signedOut();
    if (!response.ok) {
      const detail = body && typeof body.detail === 'string' ? body.detail : null;
      throw new Failure(detail || 'The server answered with error ' + response.status + '.', response.status,
        body && body.errors);
    }
    return body;
  }

  function query(params) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value != null && value !== '') search.set(name, value);
    const text = search.toString();
    return text ? '?' + text : '';
  }

  function show(id, text, kind) {
    const box = $(id);
    box.textContent = text || '';
    box.hidden = !text;
    box.className = 'message' + (kind ? ' ' + kind : '');
    if (kind === 'error') box.setAttribute('role', 'alert'); else box.removeAttribute('role');
  }

  function announce(text) {
    const status = $('status');
    status.textContent = '';
    setTimeout(() => { status.textContent = text; }, 50);
  }

  // ---- formatting ----
  const numbers = new Intl.NumberFormat();
  const moments = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const shortDays = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const longDays = new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const count = (n) => numbers.format(Number(n) || 0);
  const when = (iso) => (iso ? moments.format(new Date(iso)) : '–');
  const day = (iso, long) => (long ? longDays : shortDays).format(new Date(iso + 'T00:00:00Z'));
  const share = (part, whole) => (whole ? Math.round((100 * part) / whole) + '%' : '–');
  // How the notice of a callback request to the practice stands, in plain words (the API's values are codes).
  const NOTICES = { delivered: 'Delivered', pending: 'Waiting to be delivered', failing: 'Failing: check the webhook or e-mail settings',
    not_configured: 'Not sent: no webhook or e-mail is set up' };
  const DELIVERIES = { sending: 'Sending to the patient…', sent: 'Delivered to the patient', failed: 'Not delivered: call the patient', not_sent: 'Not sent' };
  const OWNERS = { bot: 'assistant', waiting_for_staff: 'waiting for staff', staff: 'staff', closed: 'closed' };
  const CHANNELS = { web: 'Website', whatsapp: 'WhatsApp', messenger: 'Messenger', telegram: 'Telegram', sms: 'SMS' };
  const channelName = (name) => CHANNELS[name] || String(name);
  const intentName = (name) => String(name || '–').replace(/_/g, ' ');

  function table(caption, headers, rows, options) {
    const opts = options || {};
    const head = el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', class: h.numeric ? 'num' : null, text: h.label || h })));
    const body = el('tbody');
    for (const row of rows) {
      const tr = el('tr', {});
      row.forEach((cell, i) => {
        const numeric = headers[i] && headers[i].numeric;
        const tag = i === 0 && opts.rowHeaders ? 'th' : 'td';
        tr.appendChild(el(tag, { scope: tag === 'th' ? 'row' : null, class: numeric ? 'num' : null }, cell));
      });
      body.appendChild(tr);
    }
    return el('table', { class: opts.className || null },
      el('caption', { class: opts.hideCaption ? 'sr' : null, text: caption }), el('thead', {}, head), body);
  }

  // ---- tabs ----
  const tabs = Array.from(document.querySelectorAll('[role=tab]'));
  const loaders = {};
  const loaded = new Set();

  function select(tab, focus) {
    for (const other of tabs) {
      const on = other === tab;
      other.setAttribute('aria-selected', String(on));
      other.tabIndex = on ? 0 : -1;
      $(other.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
    const name = tab.getAttribute('aria-controls');
    if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
    if (!loaded.has(name)) {
      loaded.add(name);
      loaders[name]();
    }
  }

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
      if (!(event.key in moves)) return;
      event.preventDefault();
      select(tabs[(moves[event.key] + tabs.length) % tabs.length], true);
    });
  });

  function tabFor(name) {
    return tabs.find((tab) => tab.getAttribute('aria-controls') === name);
  }

  // ---- charts: SVG drawn here, with a title, a description and the same numbers as a table ----
  function drawChart(figureId, drawing, description, numbersTable) {
    const figure = $(figureId);
    const caption = figure.querySelector('figcaption');
    figure.replaceChildren(caption);
    const titleId = figureId + '-title';
    const descId = figureId + '-desc';
    drawing.setAttribute('role', 'img');
    drawing.setAttribute('aria-labelledby', titleId + ' ' + descId);
    drawing.prepend(svg('title', { id: titleId }, caption.textContent), svg('desc', { id: descId }, description));
    figure.append(drawing, el('p', { class: 'summary', text: description }),
      el('details', {}, el('summary', { text: 'Show the numbers as a table' }), numbersTable));
  }

  function niceMax(value) {
    if (value <= 4) return 4;
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
    return 10 * magnitude;
  }

  function stackedDays(days, channels) {
    const width = 760;
    const height = 260;
    const left = 40;
    const bottom = 28;
    const top = 12;
    const plot = height - top - bottom;
    const max = niceMax(Math.max(1, ...days.map((d) => d.total)));
    const slot = (width - left - 8) / Math.max(1, days.length);
    const bar = Math.max(2, Math.min(28, slot * 0.7));
    const drawing = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bars', preserveAspectRatio: 'xMinYMin meet' });
    for (const tick of [0, max / 2, max]) {
      const y = top + plot - (tick / max) * plot;
      drawing.append(svg('line', { x1: left, x2: width, y1: y, y2: y, class: 'grid' }),
        svg('text', { x: left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, count(tick)));
    }
    const every = Math.ceil(days.length / 10);
    days.forEach((d, i) => {
      const x = left + i * slot + (slot - bar) / 2;
      let y = top + plot;
      channels.forEach((channel, c) => {
        const n = d.byChannel[channel] || 0;
        if (!n) return;
        const h = (n / max) * plot;
        y -= h;
        const rect = svg('rect', { x, y, width: bar, height: h, class: 'bar c' + (c % 6) });
        rect.appendChild(svg('title', {}, `${day(d.date)}: ${count(n)} ${channelName(channel)}`));
        drawing.appendChild(rect);
      });
      if (i % every === 0 || i === days.length - 1) {
        drawing.appendChild(svg('text', { x: x + bar / 2, y: height - 8, class: 'axis', 'text-anchor': 'middle' }, day(d.date)));
      }
    });
    return drawing;
  }

  function legend(channels) {
    return el('ul', { class: 'legend', 'aria-label': 'Channels' },
      ...channels.map((channel, c) => el('li', {}, el('span', { class: 'swatch c' + (c % 6), 'aria-hidden': 'true' }), channelName(channel))));
  }

  /** Horizontal bars, one per item: {label, value, note}. */
  function horizontalBars(items, max, className) {
    const row = 30;
    const width = 520;
    const labelWidth = 170;
    const valueWidth = 90;
    const height = Math.max(row, items.length * row) + 4;
    const scale = (width - labelWidth - valueWidth) / Math.max(1, max);
    const drawing = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'hbars ' + (className || ''), preserveAspectRatio: 'xMinYMin meet' });
    items.forEach((item, i) => {
      const y = i * row + 4;
      const label = item.label.length > 28 ? item.label.slice(0, 27) + '…' : item.label;
      drawing.appendChild(svg('text', { x: labelWidth - 8, y: y + 17, class: 'label', 'text-anchor': 'end' }, label));
      const w = Math.max(item.value ? 2 : 0, item.value * scale);
      const rect = svg('rect', { x: labelWidth, y, width: w, height: row - 8, class: 'bar ' + (item.className || 'c0') });
      rect.appendChild(svg('title', {}, `${item.label}: ${count(item.value)}${item.note ? ' (' + item.note + ')' : ''}`));
      drawing.appendChild(rect);
      drawing.appendChild(svg('text', { x: labelWidth + w + 6, y: y + 17, class: 'value' },
        count(item.value) + (item.note ? ' · ' + item.note : '')));
    });
    return drawing;
  }

  // ---- dashboard ----
  loaders.dashboard = loadDashboard;
  $('dashboard-form').addEventListener('submit', (event) => { event.preventDefault(); loadDashboard(); });

  async function loadDashboard() {
    show('dashboard-message', 'Loading the dashboard…');
    try {
      const report = await api('/api/admin/reports/dashboard' + query({ days: $('days').value }));
      renderDashboard(report);
      show('dashboard-message', '');
      announce('Dashboard loaded.');
    } catch (error) {
      show('dashboard-message', error.message, 'error');
    }
  }

  function renderDashboard(report) {
    $('dashboard-range').textContent = `${day(report.from, true)} to ${day(report.to, true)} (${report.timeZone})`;
    const funnel = report.funnel;
    const cards = [
      ['Conversations', funnel.conversations],
      ['Asked a question', funnel.withQuestion],
      ['Came to booking', funnel.withBooking],
      ['Left a callback request', funnel.withCallbackRequest],
      ['Asked for a person', report.handoffs.requested],
      ['Rated helpful', report.feedback.up],
      ['Rated not helpful', report.feedback.down]
    ];
    $('dashboard-cards').replaceChildren(...cards.map(([label, value]) =>
      el('li', { class: 'card' }, el('span', { class: 'value', text: count(value) }), el('span', { class: 'label', text: label }))));

    const days = report.conversationsPerDay;
    const channels = report.channels;
    const total = days.reduce((sum, d) => sum + d.total, 0);
    const busiest = days.reduce((best, d) => (d.total > best.total ? d : best), days[0]);
    const daysText = total
      ? `${count(total)} conversations from ${day(report.from, true)} to ${day(report.to, true)}; the busiest day was ${day(busiest.date, true)} with ${count(busiest.total)}.`
      : `No conversations from ${day(report.from, true)} to ${day(report.to, true)}.`;
    drawChart('chart-days', stackedDays(days, channels), daysText,
      table('Conversations per day', [{ label: 'Day' }, ...channels.map((c) => ({ label: channelName(c), numeric: true })), { label: 'All', numeric: true }],
        days.map((d) => [day(d.date, true), ...channels.map((c) => count(d.byChannel[c] || 0)), count(d.total)]), { rowHeaders: true }));
    $('chart-days').insertBefore(legend(channels), $('chart-days').querySelector('p.summary'));

    const intents = Object.entries(report.intents).map(([name, value]) => ({ label: intentName(name), value, className: 'i-' + name }));
    const replies = intents.reduce((sum, i) => sum + i.value, 0);
    const top = intents.slice().sort((a, b) => b.value - a.value)[0];
    drawChart('chart-intents', horizontalBars(intents, Math.max(...intents.map((i) => i.value)), 'intents'),
      replies ? `${count(replies)} replies; most were ${top.label} (${count(top.value)}).` : 'No replies in this period.',
      table('Replies by intent', [{ label: 'Intent' }, { label: 'Replies', numeric: true }],
        intents.map((i) => [i.label, count(i.value)]), { rowHeaders: true }));

    const stages = [
      { label: 'Conversations', value: funnel.conversations },
      { label: 'Asked a question', value: funnel.withQuestion },
      { label: 'Came to booking', value: funnel.withBooking },
      { label: 'Callback request', value: funnel.withCallbackRequest }
    ].map((stage, i) => Object.assign(stage, { note: share(stage.value, funnel.conversations), className: 'f' + i }));
    drawChart('chart-funnel', horizontalBars(stages, funnel.conversations, 'funnel'),
      funnel.conversations
        ? `Of ${count(funnel.conversations)} conversations, ${count(funnel.withQuestion)} asked a question, ${count(funnel.withBooking)} came to booking and ${count(funnel.withCallbackRequest)} left a callback request (${share(funnel.withCallbackRequest, funnel.conversations)}).`
        : 'No conversations in this period.',
      table('Booking conversion', [{ label: 'Stage' }, { label: 'Conversations', numeric: true }, { label: 'Share', numeric: true }],
        stages.map((s) => [s.label, count(s.value), s.note]), { rowHeaders: true }));

    const topics = report.topUnansweredTopics.map((t) => ({ label: t.topic, value: t.questions, className: 'gap' }));
    drawChart('chart-topics', horizontalBars(topics, Math.max(1, ...topics.map((t) => t.value)), 'topics'),
      topics.length ? 'Most asked topics the content did not answer well: ' + topics.map((t) => `${t.label} (${count(t.value)})`).join(', ') + '.'
        : 'No unanswered topics in this period.',
      table('Top unanswered topics', [{ label: 'Topic' }, { label: 'Questions', numeric: true }, { label: 'Last asked' }],
        report.topUnansweredTopics.map((t) => [t.topic, count(t.questions), when(t.lastSeen)]), { rowHeaders: true }));
  }

  // ---- content gaps ----
  loaders.gaps = loadGaps;
  $('gaps-form').addEventListener('submit', (event) => { event.preventDefault(); loadGaps(); });

  async function loadGaps() {
    show('gaps-message', 'Loading the content gaps…');
    try {
      const report = await api('/api/admin/reports/content-gaps' + query({ from: $('gaps-from').value, to: $('gaps-to').value }));
      renderGaps(report);
      show('gaps-message', report.topics.length ? '' : 'No content gaps in this period.');
      announce('Content gaps loaded.');
    } catch (error) {
      show('gaps-message', error.message, 'error');
    }
  }

  function renderGaps(report) {
    $('gaps-range').textContent = `${count(report.questions)} question${report.questions === 1 ? '' : 's'}, ${day(report.from, true)} to ${day(report.to, true)} (${report.timeZone}); answers with a confidence below ${report.lowConfidenceBelow} count as low confidence.`;
    const rows = report.topics.map((topic) => {
      const name = el('span', {}, el('strong', { text: topic.topic || '(no topic words)' }));
      if (topic.relatedWords.length) name.append(el('span', { class: 'related', text: ' ' + topic.relatedWords.join(', ') }));
      const examples = el('ul', { class: 'examples' }, ...topic.examples.map((q) => el('li', { text: q })),
        ...topic.comments.map((c) => el('li', { class: 'comment' }, el('span', { class: 'tag', text: 'Comment' }), ' ', c)));
      return [name, count(topic.questions), count(topic.notCovered), count(topic.lowConfidence), count(topic.thumbsDown), when(topic.lastSeen), examples];
    });
    $('gaps-table').replaceChildren(rows.length ? table('Content gaps by topic', [{ label: 'Topic' }, { label: 'Questions', numeric: true },
      { label: 'Not covered', numeric: true }, { label: 'Low confidence', numeric: true }, { label: 'Thumbs down', numeric: true },
      { label: 'Last asked' }, { label: 'Example questions (personal data removed)' }], rows, { rowHeaders: true, className: 'gaps', hideCaption: true }) : '');
  }

  // ---- conversations ----
  const listing = { page: 0, size: 25, filter: {} };
  loaders.conversations = () => loadConversations();
  $('conversations-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData($('conversations-form'));
    listing.filter = Object.fromEntries(form.entries());
    listing.page = 0;
    loadConversations();
  });
  $('transcript-back').addEventListener('click', () => backToList());

  async function loadConversations() {
    show('conversations-message', 'Loading conversations…');
    try {
      const page = await api('/api/admin/conversations' + query(Object.assign({}, listing.filter, { page: listing.page, size: listing.size })));
      renderConversations(page);
      show('conversations-message', page.total ? '' : 'No conversations match.');
    } catch (error) {
      show('conversations-message', error.message, 'error');
    }
  }

  function renderConversations(page) {
    const rows = page.items.map((c) => {
      const open = el('button', { type: 'button', class: 'link open', 'data-id': c.id, text: 'Open' });
      open.appendChild(el('span', { class: 'sr', text: ' the conversation started ' + when(c.createdAt) }));
      open.addEventListener('click', () => openTranscript(c.id));
      return [when(c.createdAt), channelName(c.channel), el('span', { class: 'owner o-' + c.owner, text: OWNERS[c.owner] || c.owner }),
        count(c.turns), intentName(c.lastIntent), el('span', { class: 'preview', text: c.firstQuestion || '' }), open];
    });
    $('conversations-table').replaceChildren(rows.length ? table('Conversations, newest first', [{ label: 'Started' }, { label: 'Channel' },
      { label: 'Owner' }, { label: 'Replies', numeric: true }, { label: 'Last intent' }, { label: 'First question' }, { label: 'Transcript' }],
    rows, { className: 'conversations', hideCaption: true }) : '');
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    const previous = el('button', { type: 'button', text: 'Previous page', disabled: page.page === 0 });
    const next = el('button', { type: 'button', text: 'Next page', disabled: page.page + 1 >= pages });
    previous.addEventListener('click', () => { listing.page -= 1; loadConversations(); });
    next.addEventListener('click', () => { listing.page += 1; loadConversations(); });
    $('conversations-pager').replaceChildren(previous,
      el('span', { text: `Page ${page.page + 1} of ${pages} · ${count(page.total)} conversations` }), next);
  }

  async function openTranscript(id) {
    select(tabFor('conversations'), false);
    show('conversations-message', 'Loading the conversation…');
    try {
      const transcript = await api('/api/admin/conversations/' + encodeURIComponent(id));
      renderTranscript(transcript);
      $('conversation-list').hidden = true;
      $('transcript').hidden = false;
      show('conversations-message', '');
      $('transcript-heading').focus();
    } catch (error) {
      show('conversations-message', error.status === 404 ? 'This conversation no longer exists.' : error.message, 'error');
    }
  }

  function backToList() {
    $('transcript').hidden = true;
    $('conversation-list').hidden = false;
    return loadConversations();
  }

  function renderTranscript(t) {
    const heading = el('h3', { id: 'transcript-heading', tabindex: '-1', text: `${channelName(t.channel)} conversation, ${when(t.createdAt)}` });
    const facts = el('dl', { class: 'facts' },
      el('dt', { text: 'Owner' }), el('dd', { text: OWNERS[t.owner] || t.owner }),
      el('dt', { text: 'Last activity' }), el('dd', { text: when(t.updatedAt) }),
      ...(t.page ? [el('dt', { text: 'Started on' }), el('dd', {}, el('code', { id: 'transcript-page', text: t.page }))] : []),
      el('dt', { text: 'Conversation id' }), el('dd', {}, el('code', { text: t.id })));
    const turns = el('ol', { class: 'turns' }, ...t.turns.map(renderTurn));
    const remove = el('button', { type: 'button', class: 'danger', id: 'delete-conversation', text: 'Delete conversation…', hidden: !mayDelete });
    remove.addEventListener('click', () => confirmDelete(t.id));
    $('transcript-body').replaceChildren(heading, facts, turns, el('div', { class: 'buttons' }, remove));
  }

  function renderTurn(turn) {
    const meta = el('p', { class: 'meta' },
      el('span', { class: 'intent i-' + turn.intent, text: intentName(turn.intent) }),
      ' · confidence ', turn.confidence == null ? 'not applicable' : Math.round(turn.confidence * 100) + '%',
      ' · ', when(turn.time));
    const patient = el('div', { class: 'patient' }, el('span', { class: 'who', text: 'Patient' }), el('p', { text: turn.question }));
    if (turn.author === 'pending') {
      return el('li', { class: 'turn' }, patient, el('p', { class: 'meta', text: 'Staff own the conversation: the assistant did not answer · ' + when(turn.time) }));
    }
    if (turn.author === 'staff') {
      const staff = el('div', { class: 'assistant staff' }, el('span', { class: 'who', text: 'Staff' }), el('p', { text: turn.reply }),
        el('p', { class: 'meta', text: when(turn.time) }));
      if (turn.delivery) {
        staff.appendChild(el('p', { class: 'delivery d-' + turn.delivery.status, text: DELIVERIES[turn.delivery.status] + (turn.delivery.detail ? ' – ' + turn.delivery.detail : '') }));
      }
      return el('li', { class: 'turn' }, staff);
    }
    const item = el('li', { class: 'turn' }, patient,
      el('div', { class: 'assistant' }, el('span', { class: 'who', text: 'Frontdesk' }), el('p', { text: turn.reply }), meta));
    const sources = Array.isArray(turn.citations) ? turn.citations : [];
    if (sources.length) {
      item.lastChild.appendChild(el('p', { class: 'sources', text: 'Sources: ' + sources.map((c) => c.section ? c.title + ' – ' + c.section : c.title).join('; ') }));
    }
    if (turn.feedback) {
      const up = turn.feedback.rating === 'up';
      item.lastChild.appendChild(el('p', { class: 'feedback ' + (up ? 'up' : 'down') },
        el('strong', { text: up ? 'Patient: helpful' : 'Patient: not helpful' }),
        turn.feedback.comment ? ' – “' + turn.feedback.comment + '”' : ''));
    }
    return item;
  }

  function confirmDelete(id) {
    const dialog = $('confirm-delete');
    dialog.returnValue = '';
    dialog.addEventListener('close', async () => {
      if (dialog.returnValue !== 'delete') {
        $('delete-conversation').focus();
        return;
      }
      try {
        await api('/api/admin/conversations/' + encodeURIComponent(id), { method: 'DELETE' });
        await backToList();
        show('conversations-message', 'The conversation and everything linked to it were deleted.', 'ok');
        announce('The conversation was deleted.');
      } catch (error) {
        show('conversations-message', error.status === 404 ? 'This conversation was already deleted.' : error.message, 'error');
      }
    }, { once: true });
    dialog.showModal();
    $('confirm-delete-cancel').focus();
  }

  // ---- callback requests (another part of Frontdesk serves them; "not available" until it does) ----
  loaders.callbacks = loadCallbacks;
  $('callbacks-form').addEventListener('submit', (event) => { event.preventDefault(); loadCallbacks(); });

  async function loadCallbacks() {
    show('callbacks-message', 'Loading callback requests…');
    try {
      const requests = await api('/api/admin/callbacks' + query({ status: $('callbacks-status').value }));
      renderCallbacks(Array.isArray(requests) ? requests : []);
      $('callbacks-csv').hidden = false;
      show('callbacks-message', requests && requests.length ? '' : 'No callback requests.');
    } catch (error) {
      notAvailable('callbacks', error, 'Callback requests are not available on this installation.');
      $('callbacks-csv').hidden = error.status === 404;
    }
  }

  function renderCallbacks(requests) {
    const rows = requests.map((r) => {
      const phone = el('a', { href: 'tel:' + String(r.phone || '').replace(/[^0-9+]/g, ''), text: r.phone });
      let action = el('span', { text: r.doneAt ? 'done ' + when(r.doneAt) : 'done' });
      if (r.status === 'open') {
        action = el('button', { type: 'button', text: 'Mark done' });
        action.appendChild(el('span', { class: 'sr', text: ': ' + r.name }));
        action.addEventListener('click', () => markDone(r.id, action));
      }
      const consent = el('span', { class: 'consent' }, el('span', { text: r.consentText || '' }), el('br'), el('small', { text: when(r.consentAt) }));
      return [r.name, phone, r.email || '–', r.preferredTime || '–', r.reason || '–', when(r.createdAt), channelName(r.channel),
        NOTICES[r.deliveryStatus] || r.deliveryStatus || '–', consent, action];
    });
    $('callbacks-table').replaceChildren(rows.length ? table('Callback requests', [{ label: 'Name' }, { label: 'Phone' }, { label: 'E-mail' },
      { label: 'Preferred time' }, { label: 'Reason' }, { label: 'Received' }, { label: 'Channel' }, { label: 'Delivered to the practice' },
      { label: 'Consent' }, { label: 'Status' }], rows, { rowHeaders: true, className: 'callbacks', hideCaption: true }) : '');
  }

  async function markDone(id, button) {
    button.disabled = true;
    try {
      await api('/api/admin/callbacks/' + encodeURIComponent(id) + '/done', { method: 'POST' });
      announce('Marked done.');
      loadCallbacks();
    } catch (error) {
      button.disabled = false;
      show('callbacks-message', error.message, 'error');
    }
  }

  // ---- handoffs (another part of Frontdesk serves them; "not available" until it does) ----
  loaders.handoffs = loadHandoffs;
  $('handoffs-form').addEventListener('submit', (event) => { event.preventDefault(); loadHandoffs(); });

  async function loadHandoffs() {
    show('handoffs-message', 'Loading handoffs…');
    try {
      const handoffs = await api('/api/admin/handoffs');
      renderHandoffs(Array.isArray(handoffs) ? handoffs : []);
      show('handoffs-message', handoffs && handoffs.length ? '' : 'Nobody is waiting for the office.');
    } catch (error) {
      $('handoffs-list').replaceChildren();
      notAvailable('handoffs', error, 'Handoffs are not available on this installation.');
    }
  }

  function renderHandoffs(handoffs) {
    $('handoffs-list').replaceChildren(...handoffs.map((h, index) => {
      const id = 'handoff-' + index;
      const path = '/api/admin/conversations/' + encodeURIComponent(h.conversationId);
      const text = el('textarea', { id: id + '-text', rows: 3, maxlength: 2000, required: true });
      const reply = el('form', { class: 'reply' }, el('label', { for: id + '-text', text: 'Reply to the patient' }), text,
        el('button', { type: 'submit', text: 'Send' }));
      reply.addEventListener('submit', (event) => {
        event.preventDefault();
        if (text.value.trim()) act(path + '/messages', { text: text.value.trim() }, 'Reply sent.');
      });
      const open = el('button', { type: 'button', class: 'link', text: 'Open transcript' });
      open.addEventListener('click', () => openTranscript(h.conversationId));
      const release = el('button', { type: 'button', text: 'Hand back to the assistant' });
      release.addEventListener('click', () => act(path + '/release', null, 'Handed back to the assistant.'));
      const close = el('button', { type: 'button', text: 'Close conversation' });
      close.addEventListener('click', () => act(path + '/close', null, 'Conversation closed.'));
      return el('article', { class: 'handoff', 'aria-labelledby': id + '-title' },
        el('h3', { id: id + '-title', text: `${channelName(h.channel)} · ${OWNERS[h.owner] || h.owner} · asked ${when(h.requestedAt)}` }),
        el('p', { class: 'last' }, el('span', { class: 'who', text: 'Last message' }), ' ', h.lastMessage || '–'),
        reply, el('div', { class: 'buttons' }, open, release, close));
    }));
  }

  async function act(path, body, done) {
    try {
      await api(path, { method: 'POST', body: body ? JSON.stringify(body) : undefined });
      announce(done);
      await loadHandoffs();
      show('handoffs-message', done, 'ok');
    } catch (error) {
      show('handoffs-message', error.message, 'error');
    }
  }

  // ---- the audit log: who opened or changed what ----
  loaders.audit = loadAudit;
  $('audit-form').addEventListener('submit', (event) => { event.preventDefault(); loadAudit(); });

  async function loadAudit() {
    show('audit-message', 'Loading the audit log…');
    try {
      const page = await api('/api/admin/audit' + query({ size: 100 }));
      const rows = (page.entries || []).map((e) => [when(e.at), e.actor, e.action, e.subject || '–', e.client]);
      $('audit-table').replaceChildren(rows.length ? table('Audit log', [{ label: 'When' }, { label: 'Staff account' },
        { label: 'What' }, { label: 'Conversation or request' }, { label: 'From network' }], rows, { className: 'audit', hideCaption: true }) : '');
      show('audit-message', rows.length ? (page.total > rows.length ? `The latest ${rows.length} of ${page.total}.` : '') : 'Nothing recorded yet.');
    } catch (error) {
      notAvailable('audit', error, 'The audit log is not available on this installation.');
    }
  }

  // ---- staff accounts of the practice (its admin), and the practices (the deployment's operator) ----
  let signedInAs = '';
  loaders.staff = loadStaff;
  loaders.practices = loadPractices;

  /** A problem's detail, with each field it names, in a message box. */
  function showFailure(id, error) {
    show(id, error.message, 'error');
    listErrors(id, error.errors.filter((e) => error.errors.length > 1 || e.detail !== error.message));
  }

  function listErrors(id, errors) {
    if (errors.length) $(id).append(el('ul', {}, ...errors.map((e) => el('li', { text: (e.field ? e.field + ': ' : '') + e.detail }))));
  }

  /** The note under a form's input (or group) that says what is wrong with it, tied to it by aria-describedby. */
  function fieldNote(input) {
    const id = input.id + '-error';
    let note = $(id);
    if (!note) {
      note = el('p', { class: 'field-error', id, hidden: true });
      const after = input.type === 'checkbox' ? input.closest('label')
        : input.matches('fieldset') ? input.querySelector('legend + .hint') || input.querySelector('legend') : input;
      after.after(note);
      const described = (input.getAttribute('aria-describedby') || '').split(' ').filter((d) => d);
      input.setAttribute('aria-describedby', [...described, id].join(' '));
    }
    return note;
  }

  function clearFieldErrors(form) {
    for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
    for (const note of form.querySelectorAll('.field-error')) { note.textContent = ''; note.hidden = true; }
  }

  /**
   * A problem in a form: each field it names ("profile.timeZone", "allowedOrigins[1]": the second line of the origins)
   * said next to that field, which is marked invalid, the first of them focused; above the form, how many fields need
   * attention (a 400 whose fields are all in the form) or else the problem's detail as it is (a conflict, a field the
   * form does not have, the server unreachable), with the fields the form does not have listed.
   */
  function showFieldErrors(form, messageId, error) {
    clearFieldErrors(form);
    const inputOf = (e) => e.field && form.querySelector('[data-field="' + fieldName(e.field) + '"]');
    const elsewhere = error.errors.filter((e) => !inputOf(e));
    const placed = error.errors.length - elsewhere.length;
    show(messageId, error.status !== 400 || !placed || elsewhere.length ? error.message : placed === 1
      ? 'One field needs attention: what is wrong is said next to it.'
      : 'Some fields need attention: what is wrong is said next to each.', 'error');
    listErrors(messageId, elsewhere.filter((e) => error.errors.length > 1 || e.detail !== error.message));
    let first = null;
    for (const e of error.errors) {
      const input = inputOf(e);
      if (!input) continue;
      const index = /\[(\d+)\]$/.exec(e.field);
      const note = fieldNote(input);
      const text = (index ? 'Line ' + (Number(index[1]) + 1) + ': ' : '') + e.detail;
      note.textContent = note.textContent ? note.textContent + ' ' + text : text;
      note.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      first = first || input;
    }
    if (first) (first.matches('fieldset') ? first.querySelector('input') : first).focus();
  }

  /** The form field a problem's field is in: "allowedOrigins[1]" is in "allowedOrigins". */
  const fieldName = (field) => field.replace(/\[\d+\]$/, '');

  const lines = (text) => text.split(/[\s,]+/).filter((line) => line);

  async function loadStaff() {
    show('staff-message', 'Loading the accounts…');
    try {
      const accounts = await api('/api/admin/accounts');
      const rows = accounts.map((a) => [a.username, a.role === 'admin' ? 'practice admin' : 'front office',
        a.source === 'settings' ? 'settings' : 'made here by ' + a.createdBy + ' on ' + when(a.createdAt),
        a.disabledAt ? 'disabled on ' + when(a.disabledAt)
          : a.source === 'created' && a.username !== signedInAs
            ? el('button', { type: 'button', class: 'danger', 'data-username': a.username, text: 'Disable ' + a.username })
            : 'may sign in',
        a.source !== 'created' ? 'changed in the deployment\'s settings'
          : a.username === signedInAs ? 'your own account'
            : el('button', { type: 'button', 'data-password-for': a.username }, 'Set password',
              el('span', { class: 'sr', text: ' for ' + a.username }))]);
      $('staff-table').replaceChildren(table('Staff accounts', [{ label: 'User name' }, { label: 'Role' },
        { label: 'Made' }, { label: 'Status' }, { label: 'Password' }], rows, { className: 'accounts', hideCaption: true }));
      show('staff-message', '');
    } catch (error) {
      notAvailable('staff', error, 'Staff accounts are not available on this installation.');
    }
  }

  /**
   * A form that opens for one row of a table (the row's button names it by an attribute): Cancel or Escape closes it,
   * and the focus goes back to that row's button.
   */
  function rowForm(formId, cancelId, tableId, attribute, onClose) {
    const form = {
      current: null,
      open(value) {
        form.current = value;
        clearFieldErrors($(formId));
        $(formId).hidden = false;
      },
      close() {
        $(formId).hidden = true;
        if (onClose) onClose();
        const row = form.current;
        form.current = null;
        form.focusRow(row);
      },
      /** Back to the row's button (after the table is drawn again, too). */
      focusRow(value) {
        const button = $(tableId).querySelector('button[' + attribute + '="' + value + '"]');
        if (button) button.focus();
      }
    };
    $(cancelId).addEventListener('click', () => form.close());
    $(formId).addEventListener('keydown', (event) => {
      if (event.key === 'Escape') { event.preventDefault(); form.close(); }
    });
    return form;
  }

  // ---- a new password for a colleague's account (PUT /api/admin/accounts/{username}/password) ----
  const passwordEdit = rowForm('password-form', 'password-cancel', 'staff-table', 'data-password-for',
    () => { $('new-password').value = ''; });

  $('staff-table').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-password-for]');
    if (!button) return;
    const username = button.getAttribute('data-password-for');
    show('password-message', '');
    $('new-password').value = '';
    $('password-form-title').textContent = 'Set a new password for ' + username;
    passwordEdit.open(username);
    $('new-password').focus();
  });

  $('password-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = $('password-form');
    const username = passwordEdit.current;
    clearFieldErrors(form);
    show('password-message', 'Setting the password…');
    try {
      await api('/api/admin/accounts/' + encodeURIComponent(username) + '/password',
        { method: 'PUT', body: JSON.stringify({ password: $('new-password').value }) });
      passwordEdit.close();
      announce('Password set.');
      await loadStaff();
      passwordEdit.focusRow(username);
      show('staff-message', username + ' signs in with the new password now; its earlier sessions have ended.', 'ok');
    } catch (error) {
      $('new-password').value = '';
      showFieldErrors(form, 'password-message', error);
    }
  });


  $('staff-table').addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-username]');
    if (!button) return;
    const username = button.getAttribute('data-username');
    button.disabled = true;
    try {
      await api('/api/admin/accounts/' + encodeURIComponent(username), { method: 'DELETE' });
      announce(username + ' is disabled.');
      await loadStaff();
      show('staff-message', username + ' is disabled and signed out.', 'ok');
    } catch (error) {
      button.disabled = false;
      showFailure('staff-message', error);
    }
  });

  $('account-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const account = { username: $('account-username').value.trim(), password: $('account-password').value, role: $('account-role').value };
    clearFieldErrors($('account-form'));
    try {
      const made = await api('/api/admin/accounts', { method: 'POST', body: JSON.stringify(account) });
      $('account-form').reset();
      show('account-message', 'The account ' + made.username + ' is made: it signs in with the password you gave.', 'ok');
      await loadStaff();
    } catch (error) {
      $('account-password').value = '';
      showFieldErrors($('account-form'), 'account-message', error);
    }
  });

  async function loadPractices() {
    try {
      const practices = await api('/api/admin/practices');
      $('practices-table').replaceChildren(table('Practices', [{ label: 'Id' }, { label: 'Name' }, { label: 'Set up' },
        { label: 'Change' }], practices.map((p) => [p.id, p.name, p.source === 'created' ? 'created here' : 'in the settings',
        p.source === 'created'
          ? el('button', { type: 'button', 'data-practice': p.id }, 'Change', el('span', { class: 'sr', text: ' ' + p.name }))
          : 'changed in the deployment\'s settings']),
        { className: 'practices', hideCaption: true }));
    } catch (error) {
      showFailure('practices-message', error);
    }
  }

  // ---- changing a created practice: the fields PATCH /api/admin/practices/{id} takes, as they are now ----
  const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  // A practice without hours of its own has the sample week (as the server says it).
  const SAMPLE_WEEK = { monday: '08:00-17:00', tuesday: '08:00-17:00', wednesday: '08:00-17:00', thursday: '08:00-17:00',
    friday: '08:00-17:00' };
  const practiceEdit = rowForm('practice-edit-form', 'practice-edit-cancel', 'practices-table', 'data-practice');

  $('practices-table').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-practice]');
    if (button) editPractice(button.getAttribute('data-practice'));
  });

  async function editPractice(id) {
    show('practices-message', '');
    try {
      const found = await api('/api/admin/practices/' + encodeURIComponent(id));
      if (found.source !== 'created') {
        show('practices-message', found.profile.name + ' is set in the deployment\'s settings: change it there.', 'unavailable');
        return;
      }
      fillPracticeEdit(found);
      $('practice-edit-title').textContent = 'Change ' + found.profile.name + ' (' + found.id + ')';
      practiceEdit.open(found.id);
      $('practice-edit-title').focus();
    } catch (error) {
      showFailure('practices-message', error);
    }
  }

  function fillPracticeEdit(found) {
    const p = found.profile;
    const set = (id, value) => { $(id).value = value == null ? '' : String(value); };
    clearFieldErrors($('practice-edit-form'));
    show('practice-edit-message', '');
    $('practice-edit-folder').textContent = 'Its knowledge folder on the server: ' + (found.knowledgeDir || 'the deployment\'s');
    set('e-name', p.name); set('e-phone', p.phone); set('e-booking', p.bookingUrl); set('e-website', p.website);
    set('e-address', p.address); set('e-zone', p.timeZone); set('e-opening', p.openingHours);
    set('e-callback', p.callbackWithin); set('e-emergency', p.emergencyNumber); set('e-crisis', p.crisisLine);
    $('e-same-day').checked = Boolean(p.sameDayAppointments);
    set('e-closed', (p.closedOn || []).join('\n'));
    set('e-origins', (found.allowedOrigins || []).join('\n'));
    const given = Object.fromEntries(Object.entries(p.hours || {}).map(([day, hours]) => [day.toLowerCase(), hours]));
    const week = Object.keys(given).length ? given : SAMPLE_WEEK;
    for (const day of WEEK) set('e-hours-' + day, week[day] || 'closed');
  }

  function practiceChange() {
    const value = (id) => $(id).value.trim();
    return {
      profile: { name: value('e-name'), phone: value('e-phone'), bookingUrl: value('e-booking'), website: value('e-website'),
        address: value('e-address'), timeZone: value('e-zone'), openingHours: value('e-opening'),
        hours: Object.fromEntries(WEEK.map((day) => [day, value('e-hours-' + day) || 'closed'])),
        closedOn: lines(value('e-closed')), callbackWithin: value('e-callback'), sameDayAppointments: $('e-same-day').checked,
        emergencyNumber: value('e-emergency'), crisisLine: value('e-crisis') },
      allowedOrigins: lines(value('e-origins'))
    };
  }

  $('practice-edit-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = $('practice-edit-form');
    clearFieldErrors(form);
    show('practice-edit-message', 'Saving the changes…');
    try {
      const changed = await api('/api/admin/practices/' + encodeURIComponent(practiceEdit.current),
        { method: 'PATCH', body: JSON.stringify(practiceChange()) });
      practiceEdit.close();
      show('practices-message', changed.name + ' (' + changed.id + ') is served with the changes now.', 'ok');
      announce('Changes saved.');
      await loadPractices();
      practiceEdit.focusRow(changed.id);
      await refreshPicker();
    } catch (error) {
      showFieldErrors(form, 'practice-edit-message', error);
    }
  });


  $('practice-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (id) => $(id).value.trim();
    const practiceForm = {
      id: value('p-id'),
      profile: { name: value('p-name'), phone: value('p-phone'), bookingUrl: value('p-booking'), website: value('p-website'),
        address: value('p-address'), timeZone: value('p-zone') || null },
      knowledgeDir: value('p-folder'),
      allowedOrigins: lines(value('p-origins')),
      admin: { username: value('p-admin'), password: $('p-admin-password').value },
    };
    clearFieldErrors($('practice-form'));
    show('practice-message', 'Creating the practice and indexing its knowledge…');
    try {
      const made = await api('/api/admin/practices', { method: 'POST', body: JSON.stringify(practiceForm) });
      $('practice-form').reset();
      show('practice-message', made.name + ' (' + made.id + ') is served now. Its admin signs in with the user name and '
        + 'password you gave; its website embeds the widget with data-practice="' + made.id + '".', 'ok');
      await loadPractices();
      await refreshPicker();
    } catch (error) {
      $('p-admin-password').value = '';
      showFieldErrors($('practice-form'), 'practice-message', error);
    }
  });

  /** The operator's practice picker, with a practice just created. */
  async function refreshPicker() {
    const practices = await api('/api/admin/practices');
    const picker = $('practice');
    const chosen = picker.value;
    picker.replaceChildren(...practices.map((p) => el('option', { value: p.id, text: p.name })));
    picker.value = chosen;
    $('practice-picker').hidden = practices.length < 2;
  }

  function notAvailable(section, error, text) {
    $(section + '-table') && $(section + '-table').replaceChildren();
    show(section + '-message', error.status === 404 ? text : error.message, error.status === 404 ? 'unavailable' : 'error');
  }

  // ---- signing in and out; who is signed in, and when their account was last locked after failed sign-ins ----
  let signedInBefore = false;
  let mayDelete = false;
  let idleMinutes = 15;

  function showApp(on) {
    $('sign-in').hidden = on;
    $('sections').hidden = !on;
    $('main').hidden = !on;
    $('sign-out').hidden = !on;
    $('account').hidden = !on;
    if (!on) $('practice-picker').hidden = true;
  }

  function signedOut() {
    if (!$('sign-in').hidden) return;
    closeRowForms();
    showApp(false);
    loaded.clear();
    show('sign-in-message', signedInBefore
      ? `You were signed out after ${idleMinutes} minutes without activity, or your session ended. Sign in again.` : '');
    $('sign-in-password').value = '';
    $('sign-in-username').focus();
  }

  async function loadAccount() {
    const me = await api('/api/admin/me');
    signedInBefore = true;
    idleMinutes = Math.round((me.sessionTimeoutSeconds || 900) / 60);
    const locked = me.lastLockedAt
      ? 'This account was last locked after failed sign-ins on ' + when(me.lastLockedAt) + '. If that was not you, tell whoever runs Frontdesk.'
      : 'This account has never been locked after failed sign-ins.';
    // The front office (role staff) reads and answers; the audit log and deleting are the practice admin's.
    $('tab-audit').hidden = me.role !== 'admin';
    $('tab-staff').hidden = me.role !== 'admin';
    $('tab-practices').hidden = !me.operator;
    mayDelete = me.role === 'admin';
    signedInAs = me.username;
    const practices = await api('/api/admin/practices');
    const own = practices.find((p) => p.id === me.practice);
    $('account').textContent = 'Signed in as ' + me.username + (me.role === 'admin' ? '' : ' (front office)')
      + (!me.operator && own && me.practice !== 'default' ? ' for ' + own.name : '') + '. ' + locked
      + ` You are signed out after ${idleMinutes} minutes without activity.`;
    const picker = $('practice');
    picker.replaceChildren(...practices.map((p) => el('option', { value: p.id, text: p.name })));
    picker.value = practice || me.practice;
    $('practice-picker').hidden = practices.length < 2;
    showApp(true);
  }

  /** No form stays open for another account or practice than the one it was opened for. */
  function closeRowForms() {
    for (const form of [passwordEdit, practiceEdit]) if (form.current != null) form.close();
  }

  $('practice').addEventListener('change', () => {
    closeRowForms();
    practice = $('practice').value;
    loaded.clear();
    select(tabs.find((tab) => tab.getAttribute('aria-selected') === 'true') || tabs[0], false);
    announce('Showing ' + $('practice').selectedOptions[0].textContent + '.');
  });

  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    show('sign-in-message', 'Signing in…');
    const form = new URLSearchParams({ username: $('sign-in-username').value, password: $('sign-in-password').value });
    try {
      await api(SIGN_IN, { method: 'POST', body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      $('sign-in-password').value = '';
      show('sign-in-message', '');
      await start();
    } catch (error) {
      $('sign-in-password').value = '';
      show('sign-in-message', error.status === 401 ? 'Wrong user name or password.' : error.message, 'error');
    }
  });

  $('sign-out').addEventListener('click', async () => {
    try { await api('/api/admin/sign-out', { method: 'POST' }); } catch (error) { /* signed out either way */ }
    signedInBefore = false;
    showApp(true);
    signedOut();
    show('sign-in-message', 'You are signed out.', 'ok');
  });

  async function start() {
    try {
      await loadAccount();
    } catch (error) {
      if (error.status !== 401) show('sign-in-message', error.message, 'error');
      return;
    }
    loaded.clear();
    select(tabFor(location.hash.slice(1)) || tabs[0], false);
  }

  // ---- sign in first, then start on the section the address names, and follow the address when it changes ----
  showApp(true);
  start();
  window.addEventListener('hashchange', () => {
    const tab = tabFor(location.hash.slice(1));
    if (tab && !$('main').hidden && tab.getAttribute('aria-selected') !== 'true') select(tab, false);
  });
})();
