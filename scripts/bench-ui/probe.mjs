/* global window, document, requestAnimationFrame, Element */

/** Event Timing reports nothing shorter than this (the smallest threshold Chromium accepts). */
export const THRESHOLD_MS = 16;

/**
 * Installed before the app's own scripts. Keeps every Event Timing entry of the kinds a user's
 * typing and clicking make, phase marks with the page's interaction count, and, for each click on
 * a section link, the time from the click to the first frame drawn with the new section's heading
 * and item cards. It runs in the page (Playwright sends its source), so it may use nothing from
 * this module.
 */
export function installProbe(threshold) {
  const kinds = new Set([
    'keydown',
    'keypress',
    'keyup',
    'input',
    'pointerdown',
    'pointerup',
    'click',
  ]);
  const bench = { entries: [], marks: [], switches: [] };
  window.__bench = bench;
  // Where an event landed, in the app's own terms: item, part of the card, register column.
  const where = (node) => {
    if (!(node instanceof Element)) return '';
    const item = node.closest('[data-item-id]')?.getAttribute('data-item-id');
    const part = node.closest('.note-field, .item-field, .register-table, .pager, .section-nav');
    const column = node.getAttribute('data-column');
    return [item, part?.classList[0], column].filter(Boolean).join(' ') || node.localName;
  };
  const keep = (entries) => {
    for (const e of entries) {
      if (!kinds.has(e.name)) continue;
      bench.entries.push({
        name: e.name,
        id: e.interactionId,
        start: e.startTime,
        ms: e.duration,
        where: where(e.target),
      });
    }
  };
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'event', durationThreshold: threshold, buffered: true });
  bench.flush = () => keep(observer.takeRecords());
  bench.mark = (name) =>
    bench.marks.push({ name, at: performance.now(), count: performance.interactionCount });

  window.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element && event.target.closest('.section-nav a');
      if (!link) return;
      const target = link.getAttribute('href').split('/').pop();
      const title = link.querySelector('.section-title')?.textContent;
      const from = event.timeStamp;
      const check = () => {
        const section = document.querySelector('.walk-section');
        const ready =
          section?.getAttribute('data-section-id') === target &&
          section.querySelector('h2')?.textContent === title &&
          section.querySelector('.item-card') !== null;
        if (!ready) return requestAnimationFrame(check);
        // Called before this frame is drawn: a message posted now is handled once it has been.
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          bench.switches.push({ target, at: from, ms: performance.now() - from });
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(check);
    },
    true,
  );
}
