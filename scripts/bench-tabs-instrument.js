// Injected into every page by bench:tabs: when this tab's stream opened (the fetch transport's
// response to /api/events), whether it is still live, and when each notification first showed.
(() => {
  const bench = { opens: [], live: false, seen: {} };
  window.__tabsBench = bench;
  const fetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    if (!String(url).includes('/api/events')) return fetch(input, init);
    init?.signal?.addEventListener('abort', () => (bench.live = false));
    const response = await fetch(input, init);
    if (response.ok) {
      bench.live = true;
      bench.opens.push(Date.now());
    }
    return response;
  };
  new MutationObserver(() => {
    for (const item of document.querySelectorAll('[role="listitem"][aria-label^="INFO: bt-"]')) {
      const title = item.getAttribute('aria-label').slice(6);
      bench.seen[title] ??= Date.now();
    }
  }).observe(document, { subtree: true, childList: true });
})();
