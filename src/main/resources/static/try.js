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

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) return;
    log.appendChild(el('div', 'msg patient', message));
    input.value = '';
    try {
      const response = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ conversationId, message })
      });
      const body = await response.json();
      if (!response.ok) {
        if (response.status === 404) { conversationId = null; sessionStorage.removeItem('frontdesk.conversationId'); }
        log.appendChild(el('div', 'msg bot', body.detail || 'Something went wrong. Please try again.'));
        return;
      }
      conversationId = body.conversationId;
      sessionStorage.setItem('frontdesk.conversationId', conversationId);
      showReply(body);
    } catch (e) {
      log.appendChild(el('div', 'msg bot', 'The assistant cannot be reached. Please try again.'));
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
