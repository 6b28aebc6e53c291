// `npm run build` runs this after `cem analyze`: from dist/custom-elements.json it writes
//   dist/frameworks/elements.d.ts         every element's properties, attributes and events, typed from its class
//   dist/frameworks/{react-jsx,preact,solid,vue,svelte}.d.ts   template/JSX typings (encounter-survey/types/*)
//   dist/react/                           React components made with @lit/react (encounter-survey/react)
// Nothing here is written by hand, so the typings follow every element, property and event the
// JSDoc documents.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { elementsDeclarations } from './frameworks/elements-types.mjs';
import { frameworkDeclarations } from './frameworks/framework-types.mjs';
import { readElements } from './frameworks/manifest.mjs';
import { wrapperDeclarations, wrapperIndex, wrapperModule } from './frameworks/react-wrappers.mjs';

const dist = process.argv[2] ?? 'dist';
const elements = readElements(join(dist, 'custom-elements.json'));

const files = {
  'frameworks/elements.d.ts': elementsDeclarations(elements),
  ...Object.fromEntries(Object.entries(frameworkDeclarations).map(([name, text]) => [`frameworks/${name}`, text])),
  'react/index.js': wrapperIndex(elements),
  'react/index.d.ts': wrapperDeclarations(elements),
  ...Object.fromEntries(elements.map((element) => [`react/${element.tag}.js`, wrapperModule(element)])),
};
for (const [name, text] of Object.entries(files)) {
  const path = join(dist, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}
console.log(`wrote framework typings and React components for ${elements.map((element) => `<${element.tag}>`).join(', ')}`);
