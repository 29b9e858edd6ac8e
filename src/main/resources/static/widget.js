/*! Frontdesk chat widget. Embed: <script src="https://FRONTDESK-HOST/widget.js" defer></script>
 * Optional: data-practice="northside" (on a deployment that serves several practices: whose assistant this is)
 *   data-language="es" (the language of its texts; by default the page's <html lang>: Spanish or English)
 *   data-position="left|right" data-accent="#0b5cad" data-title="..." data-greeting="..." data-open="true"
 * Plain JS, Shadow DOM, no eval, no inline styles on the host page; replies are rendered as text, never as HTML. */
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.src || window.__frontdeskWidget) return;
  window.__frontdeskWidget = true;

  const API = new URL('.', script.src).href.replace(/\/$/, '');
  const data = script.dataset;
  const opts = {
    left: /left/i.test(data.position || ''),
    accent: data.accent && window.CSS && CSS.supports('color', data.accent) ? data.accent : '',
    title: (data.title || '').trim(),
    greeting: (data.greeting || '').trim(),
    open: data.open === '' || /^(true|1|yes|open)$/i.test(data.open || '')
  };
  const PRACTICE = (data.practice || '').trim();
  const FOR_PRACTICE = PRACTICE ? '?practice=' + encodeURIComponent(PRACTICE) : '';
  // The patient's language: the script tag's, else the page's. The widget's own texts follow it (Spanish or English).
  const LANGUAGE = (data.language || document.documentElement.lang || '').trim() || null;
  const IN_LANGUAGE = LANGUAGE ? (FOR_PRACTICE ? '&' : '?') + 'language=' + encodeURIComponent(LANGUAGE) : '';
  // The texts of widget*.properties, put here by the server; the practice's own wording replaces them once loaded.
  const BUNDLED = /*@WIDGET_TEXTS@*/{};
  const texts = Object.assign({}, BUNDLED.en, /^es\b/i.test(LANGUAGE || '') ? BUNDLED.es : null);
  const labelled = new Map(); // node -> { where: how to set it again }
  let config = null; // the practice's details and texts (GET /api/widget/config), once loaded
  const KEY_ID = 'frontdesk.widget.conversationId' + (PRACTICE ? '.' + PRACTICE : '');
  const KEY_OPEN = 'frontdesk.widget.open';
  const KEY_NOTICE = 'frontdesk.widget.noticeSeen';
  const IDLE_TIMEOUT = 45000;
  const STAFF_POLL = 5000;

  const CSS_TEXT = `
:host{all:initial!important;--fd-accent:#0b5cad;--fd-on-accent:#fff;--fd-ink:#0b5cad}
.fd{all:initial;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;
 -webkit-font-smoothing:antialiased;text-align:left;direction:ltr}
:where(.fd *){box-sizing:border-box;font:inherit;color:inherit;letter-spacing:normal;text-transform:none;margin:0}
.sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
svg{width:22px;height:22px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round;flex:none}
button,a.btn{cursor:pointer;border:0;background:none;text-decoration:none;display:inline-flex;align-items:center;gap:6px}
button:focus-visible,a:focus-visible,textarea:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.launcher{position:fixed;z-index:2147483000;bottom:20px;right:20px;min-height:52px;padding:0 20px 0 16px;border-radius:26px;
 background:var(--fd-accent);color:var(--fd-on-accent);font-weight:600;box-shadow:0 4px 16px rgba(0,0,0,.25)}
.fd.left .launcher{right:auto;left:20px}
.launcher[aria-expanded=true]{display:none}
.panel{position:fixed;z-index:2147483001;bottom:20px;right:20px;width:380px;height:min(620px,calc(100vh - 40px));
 display:flex;flex-direction:column;background:#fff;border-radius:14px;overflow:hidden;box-shadow:0 8px 40px rgba(0,0,0,.3);border:1px solid #c9d1da}
.fd.left .panel{right:auto;left:20px}
.panel[hidden]{display:none}
.bar{display:flex;align-items:center;gap:8px;padding:12px 10px 12px 16px;background:var(--fd-accent);color:var(--fd-on-accent)}
.bar .t{flex:1;min-width:0}
h2{font-size:17px;font-weight:700;line-height:1.25;overflow-wrap:anywhere}
.bar p{font-size:13px}
.bar button{width:40px;height:40px;justify-content:center;border-radius:8px}
.bar button:hover{background:rgba(127,127,127,.25)}
.bar button:focus-visible{outline-color:var(--fd-on-accent);box-shadow:none;outline-offset:-3px}
.notice{margin:10px 12px 0;padding:10px 12px;background:#fff8e1;border:1px solid #b26a00;border-radius:8px;color:#3d2c00;font-size:14px}
.notice strong{font-weight:700}
.notice button{margin-top:8px;padding:6px 12px;border-radius:6px;background:#3d2c00;color:#fff;font-weight:600;min-height:32px}
.log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain;overflow-anchor:none}
.msg{max-width:88%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.me{align-self:flex-end;background:var(--fd-accent);color:var(--fd-on-accent);border-bottom-right-radius:4px}
.bot{align-self:flex-start;background:#eef1f5;color:#1a1a1a;border-bottom-left-radius:4px}
.staff{background:#e6f4ea}.who{display:block;font-size:12px;font-weight:700;margin-bottom:2px}
.text p{margin:0 0 6px}.text p:last-child{margin-bottom:0}.text ul,.text ol{margin:2px 0 6px;padding-left:20px;white-space:normal}
.note{align-self:flex-end;font-size:12px;color:#444;padding:0 4px}
time{display:block;font-size:11px;opacity:.9;margin-top:3px;text-align:right}
.sources a{color:var(--fd-ink);text-decoration:underline}
.sources{margin-top:8px;font-size:13px;white-space:normal}
.sources ul{list-style:none;padding:0;margin:2px 0 0}
.sources li{margin:2px 0}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px;white-space:normal}
.btn{min-height:36px;padding:6px 14px;border-radius:18px;font-weight:600;font-size:14px;background:#fff;color:var(--fd-ink);border:2px solid var(--fd-ink)}
a.btn.primary{background:var(--fd-accent);color:var(--fd-on-accent);border-color:var(--fd-accent)}
.msg.emergency{align-self:stretch;max-width:none;background:#b00020;color:#fff;border-radius:10px;border:3px solid #5c0010;padding:10px 12px;font-size:14px;line-height:1.4}
.emergency .head{display:flex;align-items:center;gap:6px;font-size:17px;line-height:1.25;font-weight:800}
.emergency .actions{margin:8px 0}
.emergency a.btn{background:#fff;color:#8a0019;border-color:#fff;font-size:16px;min-height:44px}
.error{align-self:stretch;max-width:none;background:#fdecee;color:#6b0014;border:1px solid #b00020;white-space:normal}
.rate{display:flex;align-items:center;gap:4px;margin-top:8px;font-size:13px;color:#4a5159;white-space:normal}
.rate button{width:32px;height:32px;justify-content:center;border-radius:16px;color:#3d4550}
.rate button:hover{background:#dfe4ea}
.rate button[aria-pressed=true]{background:var(--fd-accent);color:var(--fd-on-accent)}
.rate svg{width:18px;height:18px}.rate .down svg{transform:scaleY(-1)}
.error button{margin-top:8px;padding:6px 14px;border-radius:18px;background:#8a0019;color:#fff;font-weight:600;min-height:34px}
.typing{display:inline-flex;gap:4px;padding:4px 0}
.typing i{width:7px;height:7px;border-radius:50%;background:#5b6470;animation:fd-b 1.2s infinite ease-in-out}
.typing i:nth-child(2){animation-delay:.15s}.typing i:nth-child(3){animation-delay:.3s}
@keyframes fd-b{0%,80%,100%{opacity:.3;transform:translateY(0)}40%{opacity:1;transform:translateY(-3px)}}
.starters{display:flex;flex-wrap:wrap;gap:8px;padding:0 12px 10px}
.starters[hidden]{display:none}
.starters button{padding:7px 12px;border-radius:16px;border:1px solid var(--fd-ink);color:var(--fd-ink);background:#fff;font-size:14px;min-height:34px;text-align:left}
.starters button:hover{background:#eef1f5}
form.ask{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid #d5dbe2}
.ask textarea{flex:1;resize:none;min-height:44px;max-height:120px;padding:10px 12px;border:1px solid #6b7480;border-radius:10px;background:#fff;color:#1a1a1a}
textarea::placeholder{color:#5f6670}
form.ask button{width:44px;height:44px;justify-content:center;border-radius:50%;background:var(--fd-accent);color:var(--fd-on-accent)}
.cb{margin-top:10px;padding:10px 12px;border:1px solid #c9d1da;border-radius:10px;background:#fff;white-space:normal}
.cb-t{font-weight:700}.cb-i{font-size:14px}.cb-f{margin-top:8px}
.cb label{display:block;font-size:14px;font-weight:600;margin-bottom:2px}
.cb input,.cb select,.cb textarea{display:block;width:100%;min-height:40px;padding:8px 10px;border:1px solid #6b7480;border-radius:8px;background:#fff;color:#1a1a1a}
.cb textarea{min-height:60px;resize:vertical}
.cb [aria-invalid=true]{border:2px solid #b00020}
.cb-e,.cb-s{color:#b00020;font-size:13px}.cb-s{font-weight:700;margin-top:8px}.cb-e:empty,.cb-s:empty{display:none}
.cb .cb-c{display:flex;gap:8px;align-items:flex-start;margin-top:10px}
.cb .cb-c input{width:22px;height:22px;min-height:0;flex:none;margin-top:2px}
.cb .cb-c label{font-weight:400;font-size:13px}
.cb-b{display:flex;gap:8px;flex-wrap:wrap;margin-top:10px}
.cb-b button{min-height:40px;padding:6px 16px;border-radius:20px;font-weight:600;border:2px solid #4a5159}
.cb-b .go{background:var(--fd-accent);color:var(--fd-on-accent);border-color:var(--fd-accent)}
.cb-b button:disabled{opacity:.6;cursor:wait}
.cb-ok{margin-top:10px;padding:10px 12px;border-radius:8px;background:#e6f4ea;color:#0b3d1a;border:1px solid #1e7b34;white-space:normal}
.cb-ok.urgent{background:#fdecee;color:#6b0014;border:2px solid #b00020;font-weight:600}
.foot{padding:0 12px 10px;font-size:12px;color:#4a5159}
.foot a{color:#8a0019;font-weight:700}
@media (max-width:480px){.panel{inset:0;width:100%;height:100%;max-height:none;border-radius:0;border:0}
 .launcher{bottom:14px;right:14px}.fd.left .launcher{left:14px}.msg{max-width:92%}}
@media (prefers-reduced-motion:reduce){.typing i{animation:none}}
@media (forced-colors:active){.launcher,.panel,.msg,a.btn,button{border:1px solid CanvasText}}
`;

  const store = (area) => ({
    get(key) { try { return window[area].getItem(key); } catch (e) { return null; } },
    set(key, value) { try { window[area].setItem(key, value); } catch (e) { /* storage off */ } },
    remove(key) { try { window[area].removeItem(key); } catch (e) { /* storage off */ } }
  });
  const session = store('sessionStorage');
  const local = store('localStorage');

  // A text of the widget, its placeholders filled: {practice} and {emergency} from the practice, the others from values.
  function t(key, values) {
    const text = texts['widget.' + key];
    if (text == null) return key;
    const all = Object.assign({
      practice: (config && config.practiceName) || texts['widget.the-practice'] || '',
      emergency: (config && config.emergencyNumber) || '911'
    }, values);
    return text.replace(/\{([a-z]+)\}/g, (whole, name) => (all[name] != null ? String(all[name]) : whole));
  }

  // Sets a node's text or attribute to a widget text, and again when the practice's own texts arrive.
  function say(node, where, key, values) {
    const apply = () => {
      const text = t(key, typeof values === 'function' ? values() : values);
      if (where === 'text') node.textContent = text; else if (where === 'title') node.title = text;
      else if (where === 'placeholder') node.placeholder = text; else node.setAttribute(where, text);
    };
    apply();
    if (!labelled.has(node)) labelled.set(node, {});
    labelled.get(node)[where] = apply;
    return node;
  }

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  const ICONS = {
    chat: 'M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z',
    close: 'M6 6l12 12M18 6L6 18',
    send: 'M4 12l16-8-6 16-2.5-6.5L4 12z',
    restart: 'M4 4v6h6M4.5 15a8 8 0 1 0 1.9-8.3L4 10',
    alert: 'M12 3l10 18H2L12 3zM12 10v5M12 18v.5',
    thumb: 'M3 11h4v9H3zM7 11l4-8a2.5 2.5 0 0 1 2.5 2.5V9h5.3a2 2 0 0 1 2 2.3l-1.4 7A2 2 0 0 1 17.4 20H7'
  };
  function icon(name) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', ICONS[name]);
    svg.appendChild(path);
    return svg;
  }

  function safeUrl(url, allowTel) {
    if (typeof url !== 'string') return null;
    try {
      const parsed = new URL(url, API + '/');
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return parsed.href;
      if (allowTel && parsed.protocol === 'tel:') return 'tel:' + url.slice(4).replace(/[^0-9+]/g, '');
    } catch (e) { /* not a URL */ }
    return null;
  }
  const tel = (number) => 'tel:' + String(number || '').replace(/[^0-9+]/g, '');

  // ---- the launcher: all that exists until the patient opens the chat ----
  const host = document.createElement('frontdesk-chat');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = adoptStyles();
  const fd = el('div', opts.left ? 'fd left' : 'fd');
  fd.setAttribute('role', 'region');
  say(fd, 'aria-label', 'region');
  const launcher = el('button', 'launcher');
  launcher.type = 'button';
  launcher.setAttribute('aria-haspopup', 'dialog');
  launcher.setAttribute('aria-expanded', 'false');
  const launcherTitle = () => opts.title || (config && config.practiceName) || '';
  say(launcher, 'aria-label', launcherTitle() ? 'open-named' : 'open', () => ({ title: launcherTitle() }));
  launcher.append(icon('chat'), say(el('span'), 'text', 'launcher'));
  launcher.addEventListener('click', () => open(true));
  fd.appendChild(launcher);
  root.appendChild(fd);

  function adoptStyles() {
    const text = CSS_TEXT + (opts.accent ? ':host{--fd-accent:' + opts.accent + '}' : '');
    if ('adoptedStyleSheets' in ShadowRoot.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
      const constructed = new CSSStyleSheet();
      constructed.replaceSync(text);
      root.adoptedStyleSheets = [constructed];
      return constructed;
    }
    root.appendChild(el('style', '', text)); // old browsers only; needs style-src to allow it
    return null;
  }

  // A custom accent keeps AA contrast: text on it is white or near-black, links use it only when readable on white.
  function fitAccent() {
    if (!opts.accent || !sheet) return;
    const probe = el('span');
    probe.className = 'sr';
    probe.textContent = '.';
    fd.appendChild(probe);
    probe.style.color = 'var(--fd-accent)';
    const rgb = (getComputedStyle(probe).color.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
    probe.remove();
    if (rgb.length < 3) return;
    const lum = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    const l = 0.2126 * lum(rgb[0]) + 0.7152 * lum(rgb[1]) + 0.0722 * lum(rgb[2]);
    const onWhite = 1.05 / (l + 0.05);
    const onBlack = (l + 0.05) / (0.012 + 0.05);
    sheet.insertRule(':host{--fd-on-accent:' + (onWhite >= onBlack ? '#fff' : '#111') + ';--fd-ink:'
      + (onWhite >= 4.5 ? 'var(--fd-accent)' : '#0b5cad') + '}', sheet.cssRules.length);
  }

  // ---- the panel, built on first open ----
  let panel, log, form, input, starters, notice, status, alertRegion, titleNode, sub, busy = false, loaded = null;
  let follow = true; // the newest reply is kept in view until the patient scrolls or reaches into the conversation
  let conversationId = session.get(KEY_ID);

  function build() {
    panel = el('div', 'panel');
    panel.id = 'fd-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    panel.setAttribute('aria-labelledby', 'fd-title');
    panel.setAttribute('aria-describedby', 'fd-sub');

    const header = el('div', 'bar');
    const titles = el('div', 't');
    titleNode = opts.title ? el('h2', '', opts.title) : say(el('h2'), 'text', 'launcher');
    titleNode.id = 'fd-title';
    sub = say(el('p'), 'text', 'subtitle');
    sub.id = 'fd-sub';
    titles.append(titleNode, sub);
    const restart = el('button');
    restart.type = 'button';
    restart.className = 'restart';
    say(restart, 'aria-label', 'restart');
    say(restart, 'title', 'restart');
    restart.appendChild(icon('restart'));
    restart.addEventListener('click', startOver);
    const close = el('button');
    close.type = 'button';
    close.className = 'close';
    say(close, 'aria-label', 'close');
    say(close, 'title', 'close');
    close.appendChild(icon('close'));
    close.addEventListener('click', () => hide(true));
    header.append(titles, restart, close);

    log = el('div', 'log');
    log.setAttribute('role', 'log');
    log.setAttribute('aria-live', 'off');
    say(log, 'aria-label', 'log');
    log.tabIndex = 0;
    for (const type of ['wheel', 'pointerdown', 'keydown']) log.addEventListener(type, () => { follow = false; }, { passive: true });

    starters = el('div', 'starters');
    starters.setAttribute('role', 'group');
    say(starters, 'aria-label', 'starters');
    starters.hidden = true;

    form = el('form', 'ask');
    say(form, 'aria-label', 'ask');
    const label = say(el('label', 'sr'), 'text', 'question');
    label.htmlFor = 'fd-input';
    input = el('textarea');
    input.id = 'fd-input';
    input.rows = 1;
    input.maxLength = 2000;
    say(input, 'placeholder', 'placeholder');
    input.setAttribute('autocomplete', 'off');
    const send = el('button');
    send.type = 'submit';
    send.className = 'send';
    say(send, 'aria-label', 'send');
    send.appendChild(icon('send'));
    form.append(label, input, send);
    form.addEventListener('submit', (event) => { event.preventDefault(); submit(); });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); submit(); }
    });
    input.addEventListener('input', () => {
      input.style.height = 'auto';
      input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
    });

    const foot = el('p', 'foot');
    const emergency = say(el('a', 'em-link'), 'text', 'foot-call');
    emergency.href = 'tel:911';
    const footText = () => {
      const [before, after] = t('foot').split('{link}');
      foot.replaceChildren(before, emergency, after || '');
    };
    footText();
    labelled.set(foot, { text: footText });

    status = el('div', 'sr');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    alertRegion = el('div', 'sr');
    alertRegion.setAttribute('aria-live', 'assertive');

    panel.append(header);
    if (local.get(KEY_NOTICE) !== '1') panel.append(buildNotice());
    panel.append(log, starters, form, foot, status, alertRegion);
    panel.addEventListener('keydown', onKey);
    fd.appendChild(panel);
    launcher.setAttribute('aria-controls', 'fd-panel');
    fitAccent();
    loaded = Promise.all([loadConfig(), restore()]).then(() => { if (!log.children.length) intro(); });
  }

  function buildNotice() {
    notice = el('div', 'notice');
    notice.id = 'fd-notice';
    notice.setAttribute('role', 'note');
    say(notice, 'aria-label', 'notice');
    const text = el('p');
    text.append(say(el('strong'), 'text', 'notice-advice'), ' ', say(el('span'), 'text', 'notice-scope'), ' ',
      say(el('strong'), 'text', 'notice-emergency'));
    const ok = say(el('button'), 'text', 'notice-ok');
    ok.type = 'button';
    ok.addEventListener('click', () => {
      local.set(KEY_NOTICE, '1');
      notice.remove();
      notice = null;
      input.focus();
    });
    notice.append(text, ok);
    return notice;
  }

  async function loadConfig() {
    try {
      const response = await fetch(API + '/api/widget/config' + FOR_PRACTICE + IN_LANGUAGE, { credentials: 'omit', headers: { Accept: 'application/json' } });
      if (response.ok) config = await response.json();
    } catch (e) { /* defaults below */ }
    if (!config) return;
    if (config.texts && typeof config.texts === 'object') Object.assign(texts, config.texts);
    if (!opts.title && config.practiceName) {
      labelled.delete(titleNode);
      titleNode.textContent = config.practiceName;
      say(launcher, 'aria-label', 'open-named', () => ({ title: launcherTitle() }));
    }
    for (const ways of labelled.values()) Object.values(ways).forEach((apply) => apply());
    if (config.maxMessageLength) input.maxLength = config.maxMessageLength;
    if (config.emergencyNumber) panel.querySelector('.em-link').href = tel(config.emergencyNumber);
  }

  function intro() {
    const hello = el('div', 'msg bot greeting');
    hello.append(el('span', 'sr', t('assistant') + ' '), opts.greeting || t('greeting'), stamp());
    log.appendChild(hello);
    const questions = config && Array.isArray(config.starterQuestions) ? config.starterQuestions : [];
    starters.replaceChildren();
    for (const question of questions.slice(0, 6)) {
      const button = el('button', '', String(question));
      button.type = 'button';
      button.addEventListener('click', () => { input.focus(); ask(String(question)); });
      starters.appendChild(button);
    }
    starters.hidden = !questions.length;
  }

  // ---- opening, closing, keyboard ----
  function open(focus) {
    if (!panel) build();
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    session.set(KEY_OPEN, '1');
    if (focus) input.focus();
    scrollDown();
  }

  function hide(focus) {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    session.remove(KEY_OPEN);
    if (focus) launcher.focus();
  }

  function focusables() {
    return Array.from(panel.querySelectorAll('button, a[href], textarea, input, select, [tabindex="0"]'))
      .filter((node) => !node.disabled && node.getClientRects().length);
  }

  function onKey(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      hide(true);
    } else if (event.key === 'Tab') {
      const items = focusables();
      if (!items.length) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = root.activeElement;
      if (event.shiftKey && (active === first || !panel.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  // A new reply in view: whole when it fits, otherwise from its start (an emergency's heading and call button first).
  function reveal(node) {
    if (node.dataset.intent === 'emergency' && notice) { // the first-open notice says the same: it makes room
      if (notice.contains(root.activeElement)) input.focus();
      notice.hidden = true;
    }
    const top = node.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop - 8;
    log.scrollTop = Math.min(top, top + node.offsetHeight + 16 - log.clientHeight);
  }

  function announce(region, text) {
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 50);
  }

  // ---- the conversation ----
  function remember(id) {
    conversationId = id;
    if (id) session.set(KEY_ID, id); else session.remove(KEY_ID);
  }

  function startOver() {
    remember(null);
    watchStaff(null);
    log.replaceChildren();
    intro();
    input.value = '';
    input.focus();
    announce(status, t('new-conversation'));
  }

  function submit() {
    const text = input.value.trim();
    if (!text || busy) return;
    input.value = '';
    input.style.height = '';
    ask(text);
  }

  function addPatient(text, at) {
    const bubble = el('div', 'msg me');
    bubble.append(el('span', 'sr', t('you') + ' '), el('span', 'text', text), stamp(at));
    log.appendChild(bubble);
  }

  // While staff have the conversation, the patient's message gets no reply from the assistant: this note instead.
  function sentNote(at) {
    const note = el('div', 'note');
    note.append(el('span', 'text', t('sent-to-team')), stamp(at));
    return note;
  }

  // ---- each message with its time: the server's for earlier turns, now for new ones ----
  function stamp(at) {
    const when = at ? new Date(at) : new Date();
    const time = el('time', '', isNaN(when) ? '' : when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
    if (!isNaN(when)) time.dateTime = when.toISOString();
    return time;
  }

  async function ask(text, again) {
    if (busy) return;
    busy = true;
    await loaded;
    log.setAttribute('aria-busy', 'true');
    starters.hidden = true;
    if (!again) addPatient(text);
    const draft = el('div', 'msg bot draft');
    draft.setAttribute('aria-hidden', 'true');
    const dots = el('span', 'typing');
    dots.append(el('i'), el('i'), el('i'));
    draft.appendChild(dots);
    log.appendChild(draft);
    follow = true;
    scrollDown();
    announce(status, t('typing'));
    try {
      const reply = await stream(text, draft);
      const emergency = reply.intent === 'emergency';
      if (reply.replyId) seen.add(String(reply.replyId));
      const shown = reply.reply ? renderReply(reply, true) : sentNote();
      draft.replaceWith(shown);
      if (follow || emergency) reveal(shown);
      announce(emergency ? alertRegion : status, reply.reply ? t('assistant') + ' ' + reply.reply : t('sent-to-team'));
      if (reply.intent === 'handoff') watchStaff('waiting_for_staff');
    } catch (error) {
      const problem = el('div', 'msg error');
      problem.setAttribute('role', 'alert');
      problem.append(el('p', '', error.message || t('error')));
      const retry = el('button', '', t('retry'));
      retry.type = 'button';
      retry.addEventListener('click', () => { input.focus(); problem.remove(); ask(text, true); });
      problem.appendChild(retry);
      draft.replaceWith(problem);
      reveal(problem);
    } finally {
      busy = false;
      log.removeAttribute('aria-busy');
    }
  }

  async function stream(text, draft, restarted) {
    if (navigator.onLine === false) throw new Error(t('offline'));
    const controller = new AbortController();
    let timer = setTimeout(() => controller.abort(), IDLE_TIMEOUT);
    const alive = () => { clearTimeout(timer); timer = setTimeout(() => controller.abort(), IDLE_TIMEOUT); };
    let response;
    try {
      response = await fetch(API + '/api/chat/stream', {
        method: 'POST',
        credentials: 'omit',
        signal: controller.signal,
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ conversationId, message: text, practice: PRACTICE || null,
          language: LANGUAGE, page: location.origin + location.pathname })
      });
    } catch (e) {
      clearTimeout(timer);
      throw new Error(t('unreachable'));
    }
    if (!response.ok) {
      clearTimeout(timer);
      if (response.status === 404 && conversationId && !restarted) {
        remember(null); // the conversation is gone: start a new one with the same question
        return stream(text, draft, true);
      }
      // the widget's own words, in the patient's language: the server's problem details are for developers
      throw new Error(response.status === 429 ? t('too-many')
        : response.status >= 400 && response.status < 500 ? t('not-accepted', { status: response.status })
        : t('unavailable', { status: response.status }));
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let heard = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        alive();
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (!event) continue;
          if (event.name === 'meta') {
            remember(event.data.conversationId);
          } else if (event.name === 'token') {
            heard += event.data.text;
            draft.replaceChildren(richText(heard, true)); // a list shows as a list while it streams in
            if (follow) reveal(draft);
          } else if (event.name === 'restart') {
            if (heard) draft.replaceChildren(); // the draft was withdrawn (e.g. for the emergency advice): the reply follows
            heard = '';
          } else if (event.name === 'done') {
            return event.data;
          } else if (event.name === 'error') {
            throw new Error(t('error'));
          }
        }
      }
    } catch (e) {
      if (e.name === 'AbortError' || e instanceof TypeError) throw new Error(t('interrupted'));
      throw e;
    } finally {
      clearTimeout(timer);
    }
    throw new Error(t('interrupted'));
  }

  function parse(raw) {
    let name = 'message';
    let payload = '';
    for (const line of raw.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) payload += line.slice(5);
    }
    if (!payload) return null;
    try { return { name, data: JSON.parse(payload) }; } catch (e) { return null; }
  }

  async function restore() {
    if (!conversationId) return;
    try {
      const response = await fetch(API + '/api/conversations/' + encodeURIComponent(conversationId) + FOR_PRACTICE,
        { credentials: 'omit', headers: { Accept: 'application/json' } });
      if (response.status === 404) { remember(null); return; }
      if (!response.ok) throw new Error(String(response.status));
      const history = await response.json();
      let last = null;
      for (const turn of history.turns || []) {
        if (turn.replyId) seen.add(String(turn.replyId));
        if (turn.question) addPatient(turn.question, turn.time);
        if (turn.reply) last = log.appendChild(renderReply(turn, false));
        else if (turn.author === 'pending') log.appendChild(sentNote(turn.time));
      }
      watchStaff(history.owner);
      if (last) reveal(last); else scrollDown();
    } catch (e) {
      log.appendChild(el('div', 'msg bot', t('history-failed')));
    }
  }

  // ---- while the practice's staff handle the conversation, their messages are fetched every few seconds ----
  const seen = new Set();
  let staffTimer = null;
  function watchStaff(owner) {
    const waiting = owner === 'waiting_for_staff' || owner === 'staff';
    answering(owner);
    if (waiting && !staffTimer) staffTimer = setInterval(checkStaff, STAFF_POLL);
    if (!waiting && staffTimer) { clearInterval(staffTimer); staffTimer = null; }
  }

  async function checkStaff() {
    if (busy || !conversationId || document.hidden) return;
    let history;
    try {
      const response = await fetch(API + '/api/conversations/' + encodeURIComponent(conversationId) + FOR_PRACTICE,
        { credentials: 'omit', headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      history = await response.json();
    } catch (e) { return; }
    for (const turn of history.turns || []) {
      const id = String(turn.replyId || '');
      if (!id || seen.has(id)) continue;
      seen.add(id);
      if (turn.author === 'staff' && turn.reply) {
        const shown = log.appendChild(renderReply(turn, true));
        announce(status, staffName() + ': ' + turn.reply);
        reveal(shown);
      }
    }
    watchStaff(history.owner);
  }

  // ---- the header says who answers: the assistant, or the practice's team once they have the conversation ----
  function answering(owner) {
    if (!sub) return;
    say(sub, 'text', owner === 'staff' ? 'staff-answering' : owner === 'waiting_for_staff' ? 'waiting' : 'subtitle',
      () => ({ team: staffName() }));
  }

  function staffName() {
    return t('team');
  }

  // ---- a reply's text: paragraphs as written, lines that start with "- " or "1." as a list ----
  // While it streams, a last line that is only the start of an item ("-", "2") waits for its words.
  function richText(text, streaming) {
    if (streaming) text = text.replace(/(^|\n)\s*(?:[-•*]|\d{1,2}[.)]?)\s*$/, '');
    const box = el('div', 'text');
    let list = null;
    let lines = [];
    const flush = () => {
      while (lines.length && !lines[0].trim()) lines.shift();
      while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
      if (lines.length) box.appendChild(el('p', '', lines.join('\n')));
      lines = [];
    };
    for (const line of text.split('\n')) {
      const item = /^\s*(?:([-•*])|(\d{1,2})[.)])\s+(.+)$/.exec(line);
      if (!item) {
        if (line.trim()) list = null;
        lines.push(line);
        continue;
      }
      flush();
      const tag = item[1] ? 'ul' : 'ol';
      if (!list || list.tagName.toLowerCase() !== tag) list = box.appendChild(el(tag));
      list.appendChild(el('li', '', item[3]));
    }
    flush();
    return box;
  }

  // ---- a reply: text, sources as links, actions as buttons; an emergency as a banner ----
  function renderReply(reply, live) {
    const emergency = reply.intent === 'emergency';
    const citations = Array.isArray(reply.citations) ? reply.citations : [];
    const actions = Array.isArray(reply.actions) ? reply.actions : [];
    const staff = reply.author === 'staff';
    const box = el('div', emergency ? 'msg bot emergency' : staff ? 'msg bot staff' : 'msg bot');
    box.dataset.intent = String(reply.intent || '');
    if (staff) box.dataset.author = 'staff';
    if (emergency) {
      // Every emergency number of the reply (for thoughts of self-harm: the crisis line and 911), in their order.
      const numbers = actions.filter((a) => a.type === 'emergency' && a.phone).map((a) => String(a.phone));
      if (!numbers.length) numbers.push((config && config.emergencyNumber) || '911');
      const head = el('p', 'head');
      head.append(icon('alert'), el('span', '', t('emergency', { numbers: numbers.join(t('or')) })));
      box.appendChild(head);
      if (live) box.setAttribute('role', 'alert');
    } else if (staff) {
      box.appendChild(el('span', 'who', staffName()));
    } else {
      box.appendChild(el('span', 'sr', t('assistant') + ' '));
    }
    let text = String(reply.reply || '');
    if (citations.length) text = text.replace(/\n+\s*(Sources?|Fuentes?)\s*:[^\n]*$/i, '');
    box.appendChild(richText(text));

    const seen = new Set();
    const links = citations.filter((c) => {
      const key = c.url + '|' + c.section;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (links.length) {
      const sources = el('div', 'sources');
      sources.appendChild(el('p', '', t(links.length > 1 ? 'sources' : 'source')));
      const list = el('ul');
      for (const c of links) {
        const item = el('li');
        const name = c.section ? c.title + ' – ' + c.section : String(c.title || 'Source');
        const href = safeUrl(c.url, false);
        if (href) {
          const link = el('a', '', name);
          link.href = href;
          link.target = '_blank';
          link.rel = 'noopener noreferrer';
          link.appendChild(el('span', 'sr', ' ' + t('new-tab')));
          item.appendChild(link);
        } else {
          item.textContent = name;
        }
        list.appendChild(item);
      }
      sources.appendChild(list);
      box.appendChild(sources);
    }

    const buttons = el('div', 'actions');
    for (const action of actions) {
      if (action.type === 'callback') {
        const ask = el('button', 'btn act-callback', action.label || t('callback'));
        ask.type = 'button';
        ask.addEventListener('click', () => openCallback(box, ask));
        buttons.appendChild(ask);
        continue;
      }
      const isBook = action.type === 'book';
      const href = isBook ? safeUrl(action.url, false)
        : safeUrl(action.url, true) || (action.phone ? tel(action.phone) : null);
      if (!href) continue;
      const link = el('a', 'btn', action.label || t(isBook ? 'book' : 'call'));
      link.classList.add('act-' + String(action.type).replace(/[^a-z_]/g, ''));
      if (isBook) {
        link.classList.add('primary');
        link.target = '_blank';
        link.rel = 'noopener';
        link.appendChild(el('span', 'sr', ' ' + t('new-tab')));
      }
      link.href = href;
      buttons.appendChild(link);
    }
    if (buttons.children.length) box.insertBefore(buttons, emergency ? box.children[1] : null); // an emergency's call first
    box.appendChild(stamp(reply.time));
    // Was the assistant's answer helpful? Not asked of the team's own messages, greetings or the handoff notice.
    if (!emergency && !staff && !['greeting', 'handoff'].includes(reply.intent) && reply.replyId) {
      box.appendChild(rating(String(reply.replyId)));
    }
    return box;
  }

  // ---- a callback request: a small form inside the reply, one request however often it is sent ----
  let forms = 0;
  async function openCallback(box, trigger) {
    if (trigger.hidden) return;
    trigger.hidden = true;
    let formTexts;
    try {
      const response = await fetch(API + '/api/callbacks/form' + FOR_PRACTICE + IN_LANGUAGE, { credentials: 'omit', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      formTexts = await response.json();
    } catch (e) {
      trigger.hidden = false;
      const failed = el('p', 'cb-s', t('form-failed'));
      failed.setAttribute('role', 'alert');
      trigger.after(failed);
      setTimeout(() => failed.remove(), 8000);
      return;
    }
    const n = ++forms;
    const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    let version = formTexts.consentVersion;
    let sending = false;
    const fields = {};
    const form = el('form', 'cb');
    form.noValidate = true;
    const title = el('p', 'cb-t', t('form-title'));
    title.id = 'fd-cb' + n;
    form.setAttribute('aria-labelledby', title.id);
    form.append(title, el('p', 'cb-i', t('form-intro', { when: formTexts.expectCall || t('form-soon') })));
    const row = (name, label, control, wrapClass) => {
      const wrap = el('div', wrapClass || 'cb-f');
      const tag = el('label', '', label);
      control.id = tag.htmlFor = 'fd-cb' + n + '-' + name;
      const error = el('p', 'cb-e');
      error.id = control.id + '-e';
      control.setAttribute('aria-describedby', error.id);
      wrap.append(control.type === 'checkbox' ? control : tag, control.type === 'checkbox' ? tag : control);
      form.append(wrap, error);
      fields[name] = { control, error, label: name === 'consent' ? t('form-consent') : label.replace(/\s*\([^)]*\)$/, '') };
      return control;
    };
    const input = (type, auto, max) => {
      const node = el(type === 'textarea' ? 'textarea' : 'input');
      if (type !== 'textarea') node.type = type;
      if (auto) node.setAttribute('autocomplete', auto);
      if (max) node.maxLength = max;
      return node;
    };
    const name = row('name', t('form-name'), input('text', 'name', 100));
    const phone = row('phone', t('form-phone'), input('tel', 'tel', 40));
    const email = row('email', t('form-email'), input('email', 'email', 254));
    const time = el('select');
    for (const choice of formTexts.preferredTimes || []) {
      const option = el('option', '', choice.label);
      option.value = choice.value;
      time.appendChild(option);
    }
    time.value = 'any';
    row('preferredTime', t('form-time'), time);
    const reason = row('reason', t('form-reason'), input('textarea', 'off', formTexts.maxReasonLength || 500));
    reason.rows = 2;
    const consent = row('consent', formTexts.consentText, input('checkbox'), 'cb-c');
    const summary = el('p', 'cb-s');
    summary.setAttribute('role', 'alert');
    const send = el('button', 'go', t('form-send'));
    send.type = 'submit';
    const cancel = el('button', 'no', t('form-cancel'));
    cancel.type = 'button';
    const bar = el('div', 'cb-b');
    bar.append(send, cancel);
    form.append(summary, bar);
    cancel.addEventListener('click', () => {
      form.remove();
      trigger.hidden = false;
      trigger.focus();
      announce(status, t('form-cancelled'));
    });
    const show = (problems) => {
      const named = [];
      const other = [];
      let first = null;
      for (const [field, detail] of problems) {
        const f = fields[field];
        if (!f) { other.push(detail); continue; }
        f.error.textContent = detail;
        f.control.setAttribute('aria-invalid', 'true');
        named.push(f.label);
        first = first || f.control;
      }
      announce(summary, (named.length ? t('form-check', { fields: named.join(', ') }) + ' ' : '') + other.join(' '));
      (first || send).focus();
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (sending) return;
      for (const f of Object.values(fields)) { f.error.textContent = ''; f.control.removeAttribute('aria-invalid'); }
      const missing = [];
      if (!name.value.trim()) missing.push(['name', t('form-need-name')]);
      if (!phone.value.trim()) missing.push(['phone', t('form-need-phone')]);
      if (!consent.checked) missing.push(['consent', t('form-need-consent')]);
      if (missing.length) { show(missing); return; }
      sending = true;
      send.disabled = true;
      send.textContent = t('form-sending');
      try {
        const response = await fetch(API + '/api/callbacks', {
          method: 'POST',
          credentials: 'omit',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify({ conversationId, practice: PRACTICE || null, name: name.value, phone: phone.value, email: email.value.trim() || null,
            preferredTime: time.value, reason: reason.value.trim() || null, consent: consent.checked, consentVersion: version,
            language: LANGUAGE })
        });
        let data = {};
        try { data = await response.json(); } catch (e) { /* no body */ }
        if (response.ok) {
          const done = el('p', data.emergency ? 'cb-ok urgent' : 'cb-ok', data.message || t('form-thanks'));
          done.setAttribute('role', data.emergency ? 'alert' : 'status');
          done.tabIndex = -1;
          form.replaceWith(done);
          trigger.remove();
          done.focus();
          return;
        }
        if (response.status === 409 && data.consentText) {
          version = data.consentVersion;
          consent.checked = false;
          fields.consent.control.labels[0].textContent = data.consentText;
        }
        show(Array.isArray(data.errors) ? data.errors.map((e) => [e.field, e.detail])
          : [[response.status === 409 ? 'consent' : '', data.detail || t('form-not-sent', { status: response.status })]]);
      } catch (e) {
        show([['', t('form-unreachable')]]);
      } finally {
        sending = false;
        send.disabled = false;
        send.textContent = t('form-send');
      }
    });
    box.appendChild(form);
    name.focus();
    reveal(form);
  }

  // ---- was it helpful? one thumbs up or down per reply; the latest counts ----
  function rating(replyId) {
    const group = el('div', 'rate');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', t('rate'));
    group.appendChild(el('span', '', t('rate-prompt')));
    const buttons = [['up', t('rate-up')], ['down', t('rate-down')]].map(([value, label]) => {
      const button = el('button', value);
      button.type = 'button';
      button.setAttribute('aria-label', label);
      button.setAttribute('aria-pressed', 'false');
      button.appendChild(icon('thumb'));
      button.addEventListener('click', () => rate(replyId, value, buttons));
      return button;
    });
    group.append(...buttons);
    return group;
  }

  async function rate(replyId, value, buttons) {
    try {
      const response = await fetch(API + '/api/feedback', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ conversationId, practice: PRACTICE || null, replyId, rating: value })
      });
      if (!response.ok) throw new Error(String(response.status));
      for (const button of buttons) button.setAttribute('aria-pressed', String(button.classList.contains(value)));
      announce(status, t('rate-thanks'));
    } catch (e) {
      announce(status, t('rate-failed'));
    }
  }

  // ---- start ----
  function mount() {
    document.body.appendChild(host);
    if (opts.open || session.get(KEY_OPEN) === '1') open(false);
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
