// Injected by bench:ui before the page's own scripts (a plain file, so no bundler helpers leak
// in). The app's bench hooks fill the counters; the observers measure long tasks and latency.
(() => {
  const bench = {
    renders: 0,
    pending: [],
    latencies: [],
    longTasks: 0,
    onMetric(at) {
      bench.pending.push(at);
    },
  };
  window.__sseBench = bench;
  new PerformanceObserver((list) => {
    bench.longTasks += list.getEntries().filter((entry) => entry.duration > 50).length;
  }).observe({ type: 'longtask' });
  // An event reaches the DOM when the first render showing it (or a later event) commits.
  const record = () => {
    const latest = Number(
      document.querySelector('[data-latest-at]')?.getAttribute('data-latest-at'),
    );
    const now = Date.now();
    let shown = 0;
    while (shown < bench.pending.length && bench.pending[shown] <= latest) {
      bench.latencies.push(now - bench.pending[shown++]);
    }
    bench.pending.splice(0, shown);
  };
  document.addEventListener('DOMContentLoaded', () =>
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ['data-latest-at'],
    }),
  );
})();
