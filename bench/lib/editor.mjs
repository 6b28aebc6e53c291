// `BENCH_ONLY=editor npm run bench`: <survey-editor>'s bytes (from the build's chunk manifest), its
// time to interactive with a 20-question survey, and keystroke → preview update (a key pressed in
// question 1's text until the preview's <encounter-survey> shows it, after the next frame), in
// Chromium. Measured, not asserted; the target for the keystroke is ≤ 50 ms median.
import { join } from 'node:path';
import { measureBuild } from '../../scripts/build-size.mjs';
import { launch } from './browser.mjs';
import { ensureOurBundle, OURS_CHUNKS } from './build.mjs';
import { startStaticServer } from './server.mjs';
import { summary } from './stats.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const KEYS = Number(process.env.BENCH_KEYS ?? 30);

export async function runEditorAlone({ writeResult, log }) {
  await ensureOurBundle();
  const sizes = measureBuild(OURS_CHUNKS);
  const server = await startStaticServer({ mounts: { '/dist/': 'dist', '/': join('bench', 'pages') } });
  const browser = await launch();
  const interactive = [];
  const keystroke = [];
  try {
    for (let load = 0; load < LOADS; load += 1) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}/editor.html`);
      // Interactive: the form is there and the preview shows the survey's first question.
      interactive.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const check = () => {
                const editor = document.querySelector('survey-editor');
                const survey = editor?.shadowRoot?.querySelector('.preview encounter-survey');
                if (editor?.shadowRoot?.querySelector('#f-questions-19-label') && survey?.shadowRoot?.textContent?.includes('Question 20')) {
                  requestAnimationFrame(() => resolve(performance.now()));
                } else requestAnimationFrame(check);
              };
              check();
            }),
        ),
      );
      // In the page: when each key went down, and when the preview first painted each label text.
      await page.evaluate(() => {
        const editor = document.querySelector('survey-editor');
        const input = editor.shadowRoot.querySelector('#f-questions-0-label');
        const bench = (window.__editorBench = { keys: [], painted: new Map() });
        input.addEventListener('keydown', (event) => bench.keys.push(event.timeStamp));
        const look = () => {
          const survey = editor.shadowRoot.querySelector('.preview encounter-survey');
          const label = survey?.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim() ?? '';
          if (label && !bench.painted.has(label)) {
            const seen = performance.now();
            requestAnimationFrame(() => bench.painted.set(label, { seen, painted: performance.now() }));
          }
          requestAnimationFrame(look);
        };
        look();
      });
      await page.locator('survey-editor #f-questions-0-label').focus();
      await page.keyboard.press('End');
      for (let key = 0; key < KEYS; key += 1) {
        const letter = 'abcdefghijklmnopqrstuvwxyz'[key % 26];
        const expected = `${await page.locator('survey-editor #f-questions-0-label').inputValue()}${letter}`;
        await page.keyboard.press(letter);
        const handle = await page.waitForFunction(
          (expected) => {
            const bench = window.__editorBench;
            const entry = bench.painted.get(expected);
            return entry ? entry.painted - bench.keys.at(-1) : false;
          },
          expected,
          { timeout: 10_000, polling: 'raf' },
        );
        keystroke.push(await handle.jsonValue());
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const result = {
    date: new Date().toISOString(),
    bytes: { editorGzip: sizes.editor.gzipBytes, editorFiles: sizes.editor.files, entryGzip: sizes.critical.gzipBytes },
    interactiveMs: summary(interactive),
    keystrokeToPreviewMs: summary(keystroke),
    loads: LOADS,
    keysPerLoad: KEYS,
  };
  const ms = (value) => (value == null ? 'n/a' : `${value.toFixed(1)} ms`);
  const markdown = [
    '# Survey editor (Chromium)',
    '',
    `Measured ${result.date} on this machine; ${LOADS} loads, ${KEYS} keys each. Not asserted.`,
    '',
    '| Figure | Median | p95 |',
    '| --- | --- | --- |',
    `| Editor bytes beyond the entry (min+gzip) | ${(result.bytes.editorGzip / 1024).toFixed(1)} KiB | |`,
    `| Time to interactive, 20 questions (form and preview drawn) | ${ms(result.interactiveMs?.median)} | ${ms(result.interactiveMs?.p95)} |`,
    `| Keystroke → preview updated (target ≤ 50 ms) | ${ms(result.keystrokeToPreviewMs?.median)} | ${ms(result.keystrokeToPreviewMs?.p95)} |`,
    '',
  ].join('\n');
  writeResult('editor.json', `${JSON.stringify(result, null, 2)}\n`);
  writeResult('editor.md', markdown);
  log('editor figures written to bench/results/editor.{json,md}');
  console.log(`\n${markdown}`);
}
