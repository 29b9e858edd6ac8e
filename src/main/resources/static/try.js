(() => {
  const log = document.getElementById('log');
  const form = document.getElementById('chat');
  const input = document.getElementById('message');
  let conversationId = sessionStorage.getItem('frontdesk.conversationId');

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showReply(reply) {
    const box = el('div', 'msg bot' + (reply.intent === 'emergency' ? ' emergency' : ''), reply.reply);
    if (reply.actions && reply.actions.length) {
      const actions = el('div', 'actions');
      for (const action of reply.actions) {
        if (!action.url && !action.phone) continue; // the callback form is the widget's (see the demo page)
        const link = el('a', '', action.label);
        const url = action.url || (action.phone ? 'tel:' + action.phone : '#');
        if (/^(https?:|tel:)/.test(url)) link.href = url;
        link.rel = 'noopener';
        actions.appendChild(link);
      }
      box.appendChild(actions);
    }
    if (reply.citations && reply.citations.length) {
      const meta = el('div', 'meta', 'Sources: ');
      reply.citations.forEach((c, i) => {
        const link = el('a', '', c.section ? c.title + ' – ' + c.section : c.title);
        if (/^https?:/.test(c.url)) link.href = c.url;
        link.target = '_blank';
        link.rel = 'noopener';
        if (i) meta.appendChild(document.createTextNode('; '));
        meta.appendChild(link);
      });
      box.appendChild(meta);
    }
    box.appendChild(el('div', 'meta', 'intent: ' + reply.intent));
    log.appendChild(box);
  }

  function forget() {
    conversationId = null;
    sessionStorage.removeItem('frontdesk.conversationId');
  }

  // Reads POST /api/chat/stream: meta, token..., citations, actions, done (or error).
  async function streamReply(message, box) {
    const response = await fetch('/api/chat/stream', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
      body: JSON.stringify({ conversationId, message })
    });
    if (!response.ok) {
      let detail = 'Something went wrong. Please try again.';
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
      if (response.status === 404) forget();
      throw new Error(detail);
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let done = null;
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        let data = '';
        for (const line of raw.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data += line.slice(5);
        }
        const payload = data ? JSON.parse(data) : null;
        if (name === 'meta') {
          conversationId = payload.conversationId;
          sessionStorage.setItem('frontdesk.conversationId', conversationId);
        } else if (name === 'token') {
          box.textContent += payload.text;
        } else if (name === 'done') {
          done = payload;
        } else if (name === 'error') {
          throw new Error(payload.detail || 'Something went wrong. Please try again.');
        }
      }
    }
    if (!done) throw new Error('The answer was interrupted. Please try again.');
    return done;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) return;
    log.appendChild(el('div', 'msg patient', message));
    input.value = '';
    const draft = el('div', 'msg bot', '');
    log.appendChild(draft);
    try {
      const reply = await streamReply(message, draft);
      draft.remove();
      showReply(reply);
    } catch (e) {
      draft.textContent = e.message || 'The assistant cannot be reached. Please try again.';
    }
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });

  document.getElementById('restart').addEventListener('click', () => {
    conversationId = null;
    sessionStorage.removeItem('frontdesk.conversationId');
    log.replaceChildren();
    input.focus();
  });
})();
