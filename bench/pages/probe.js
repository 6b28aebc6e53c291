// Classic (blocking) script that every first-render page loads before its module. It watches the
// document and every shadow root as it is attached (attachShadow is wrapped before any component
// code runs) and marks `bench-first-question` when the first element matching data-selector is in
// the DOM, laid out with a size and not hidden. A requestAnimationFrame loop backs up the
// MutationObserver for changes that are not DOM mutations (a stylesheet arriving, say).
(() => {
  const selector = document.currentScript.dataset.selector;
  const roots = [document];
  let done = false;
  let resolveResult;
  window.__benchResult = new Promise((resolve) => (resolveResult = resolve));

  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  };
  const check = () => {
    if (done) return;
    for (const root of roots) {
      const element = root.querySelector(selector);
      if (element && visible(element)) return finish();
    }
  };
  const finish = () => {
    done = true;
    performance.mark('bench-first-question');
    observer.disconnect();
    const { duration } = performance.measure('bench-first-render', 'bench-start', 'bench-first-question');
    const startAt = performance.getEntriesByName('bench-start')[0].startTime;
    // Also note when the frame after it was produced: informative only, vsync-bound in headless.
    // Which scripts had arrived by then: what the page loaded before its first question was visible.
    const markedAt = performance.getEntriesByName('bench-first-question')[0].startTime;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((entry) => /\.m?js(\?|$)/.test(entry.name) && !entry.name.endsWith('/probe.js') && entry.responseEnd <= markedAt)
      .map((entry) => new URL(entry.name).pathname);
    requestAnimationFrame(() =>
      setTimeout(() => resolveResult({ firstQuestionMs: duration, startAt, paintedMs: performance.now() - startAt, scripts })),
    );
  };

  const observer = new MutationObserver(check);
  const options = { childList: true, subtree: true };
  observer.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    observer.observe(root, options);
    return root;
  };
  const frame = () => {
    check();
    if (!done) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // "Module evaluation start": the module script tag comes right after this one.
  performance.mark('bench-start');
})();
