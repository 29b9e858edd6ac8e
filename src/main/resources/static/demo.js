// The demo page shows the practice's configured name, phone and booking page (GET /api/widget/config).
(() => {
  fetch('/api/widget/config', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((config) => {
      if (!config) return;
      document.querySelectorAll('[data-practice-name]').forEach((node) => { node.textContent = config.practiceName; });
      document.querySelectorAll('[data-practice-phone]').forEach((node) => {
        node.textContent = config.phone;
        node.href = config.phoneUri;
      });
      if (/^https?:/.test(config.bookingUrl)) {
        document.querySelectorAll('[data-booking-url]').forEach((node) => { node.href = config.bookingUrl; });
      }
      document.querySelectorAll('[data-opening-hours]').forEach((node) => { node.textContent = config.openingHours; });
      document.title = 'Minimally Invasive Lateral Fusion – ' + config.practiceName;
    })
    .catch(() => { /* the page works with its defaults */ });
})();
