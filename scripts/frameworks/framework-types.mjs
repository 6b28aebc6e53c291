// The per-framework declaration files. Each maps over `ElementTypes` (dist/frameworks/elements.d.ts),
// so they stay the same text whatever elements the manifest lists; only elements.d.ts and the React
// wrappers are written per element.
import { generatedHeader } from './elements-types.mjs';

/**
 * A JSX-style declaration: each tag's props are the framework's HTML attributes for the element,
 * its properties, its attributes spelt differently, any `extra` prop types, and one listener prop
 * per own event (`on` + name, or Solid's `on:` + name), merged into `augmented`.
 */
function jsxDeclaration({ usage, imports, htmlAttributes, listenerPrefix, extra = [], note = '', augmented }) {
  const [module, ...path] = augmented.split(' ');
  const open = path.map((name, depth) => `${'  '.repeat(depth + 1)}${depth === path.length - 1 ? 'interface' : 'namespace'} ${name}`);
  return (
    generatedHeader(usage) +
    `${imports}
import type { ElementTypes } from './elements.js';

` +
    `/** \`${listenerPrefix}survey-submit\` and so on: one listener prop per event the element fires. */\n` +
    `type Listeners<Events, Target> = {\n` +
    `  [Name in keyof Events & string as \`${listenerPrefix}\${Name}\`]?: (event: Events[Name] & { currentTarget: Target }) => void;\n` +
    `};\n` +
    note +
    `\ntype ElementProps<Types extends ElementTypes[keyof ElementTypes]> = ${htmlAttributes} &\n` +
    `  Types['properties'] &\n  Types['attributes'] &\n${extra.map((type) => `  ${type} &\n`).join('')}` +
    `  Listeners<Types['ownEvents'], Types['element']>;\n\n` +
    `type Elements = { [Tag in keyof ElementTypes]: ElementProps<ElementTypes[Tag]> };\n\n` +
    `declare module '${module}' {\n${open.join(' {\n')} extends Elements {}\n${path.slice(1).map((_, depth) => `${'  '.repeat(path.length - 1 - depth)}}\n`).join('')}}\n`
  );
}

export const frameworkDeclarations = {
  'react-jsx.d.ts': jsxDeclaration({
    usage: "React 19's native custom elements in JSX: `import type {} from 'encounter-survey/types/react';`. React sets a prop as a property when the element has one.",
    imports: `import type { DetailedHTMLProps, HTMLAttributes } from 'react';`,
    htmlAttributes: `DetailedHTMLProps<HTMLAttributes<Types['element']>, Types['element']>`,
    listenerPrefix: 'on',
    augmented: 'react JSX IntrinsicElements',
  }),
  'preact.d.ts': jsxDeclaration({
    usage: "Preact's JSX: `import type {} from 'encounter-survey/types/preact';`.",
    imports: `import type { HTMLAttributes } from 'preact';`,
    htmlAttributes: `HTMLAttributes<Types['element']>`,
    listenerPrefix: 'on',
    augmented: 'preact JSX IntrinsicElements',
  }),
  'solid.d.ts': jsxDeclaration({
    usage: "Solid's JSX: `import type {} from 'encounter-survey/types/solid';`. Objects go in with `prop:config`, events with `on:survey-submit`.",
    imports: `import type { JSX } from 'solid-js';`,
    htmlAttributes: `JSX.HTMLAttributes<Types['element']>`,
    listenerPrefix: 'on:',
    note: `\n/** \`prop:config\`: Solid sets these as properties, whatever the element. */\ntype PropNamespace<Properties> = { [Name in keyof Properties & string as \`prop:\${Name}\`]?: Properties[Name] };\n`,
    extra: [`PropNamespace<Types['properties']>`],
    augmented: 'solid-js JSX IntrinsicElements',
  }),
  'svelte.d.ts': jsxDeclaration({
    usage: 'Svelte 5 (svelte-check): `/// <reference types="encounter-survey/types/svelte" />` in a .d.ts of the app. Svelte sets an attribute as a property when the element has one.',
    imports: `import type { HTMLAttributes } from 'svelte/elements';`,
    htmlAttributes: `HTMLAttributes<Types['element']>`,
    listenerPrefix: 'on',
    augmented: 'svelte/elements SvelteHTMLElements',
  }),
  'vue.d.ts':
    generatedHeader("Vue templates (vue-tsc, strictTemplates): `/// <reference types=\"encounter-survey/types/vue\" />` in an env.d.ts.") +
    `import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';\n` +
    `import type { ElementTypes } from './elements.js';\n\n` +
    `/** A custom element as vue-tsc reads a component: props from \`$props\`, events from \`$emit\` (Vue's documented recipe). */\n` +
    `type VueCustomElement<Types extends ElementTypes[keyof ElementTypes]> = new () => Types['element'] & {\n` +
    `  /** @deprecated For template type checking only: the element has no \`$props\`. */\n` +
    `  $props: HTMLAttributes & Types['properties'] & PublicProps;\n` +
    `  /** @deprecated For template type checking only: the element has no \`$emit\`. */\n` +
    `  $emit: EmitFn<{ [Name in keyof Types['events']]: (event: Types['events'][Name]) => void }>;\n` +
    `};\n\n` +
    `type VueElements = { [Tag in keyof ElementTypes]: VueCustomElement<ElementTypes[Tag]> };\n\n` +
    `declare module 'vue' {\n  interface GlobalComponents extends VueElements {}\n}\n`,
};
