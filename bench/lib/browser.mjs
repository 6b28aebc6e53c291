// Headless Chromium (Debian's) through playwright-core, and one cold page load per fresh context.
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Loads `url` in a new context (cold HTTP cache, own renderer process), optionally with CPU
 * throttling, and returns the probe's timings; with `heap`, also the JS heap after a forced GC, and
 * with `interact` (a function run in the page) the heap again after it and 1.5 s of settling.
 */
export async function coldLoad(browser, url, { cpuRate = 1, heap = false, interact = null, timeoutMs = 30_000 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    const cdp = await context.newCDPSession(page);
    // Start on a blank page of the same origin, so the measured page loads in the renderer the
    // throttling was set on (a fresh process for a cross-site navigation picked it up late at times).
    await page.goto(new URL('/blank.html', url).href, { waitUntil: 'load', timeout: timeoutMs });
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    const result = await Promise.race([
      page.evaluate(() => window.__benchResult),
      new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs)),
    ]);
    if (!result) throw new Error(`no visible question within ${timeoutMs} ms${errors.length ? `: ${errors.join('; ')}` : ''}`);
    const measureHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? null;
    };
    if (heap) {
      // Let post-render work (storage opening, idle callbacks) settle, then measure what stays.
      await page.waitForTimeout(300);
      result.heapUsedBytes = await measureHeap();
      if (interact) {
        // The respondent touches the survey: what a response needs loads (validation, the outbox,
        // IndexedDB). Measured again once that has settled.
        await page.evaluate(interact);
        await page.waitForTimeout(1500);
        result.heapAfterTouchBytes = await measureHeap();
      }
    }
    if (errors.length) result.errors = errors;
    return result;
  } finally {
    await context.close();
  }
}
