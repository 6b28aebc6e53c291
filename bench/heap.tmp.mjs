import { join } from 'node:path';
import { coldLoad, launch } from './lib/browser.mjs';
import { presetJson } from './lib/build.mjs';
import { startStaticServer } from './lib/server.mjs';
const server = await startStaticServer({ mounts: { '/dist/': process.env.DIST ?? 'dist', '/build/': join('bench', '.build'), '/': join('bench', 'pages') }, vars: { ENDPOINT: 'http://127.0.0.1:9/responses', OURS_CONFIG: await presetJson() } });
const browser = await launch();
const touch = () => document.querySelector('encounter-survey')?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
for (const page of ['empty', 'ours']) {
  const heaps = [], after = [];
  for (let i = 0; i < 5; i++) { const r = await coldLoad(browser, `${server.origin}/${page}.html`, { heap: true, interact: page === 'ours' ? touch : null }); heaps.push(r.heapUsedBytes); if (r.heapAfterTouchBytes) after.push(r.heapAfterTouchBytes); }
  const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(page, (med(heaps) / 1048576).toFixed(2), after.length ? (med(after) / 1048576).toFixed(2) : '');
}
await browser.close(); await server.close();
