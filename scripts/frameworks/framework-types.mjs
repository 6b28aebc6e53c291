// The per-framework declaration files. Each maps over `ElementTypes` (dist/frameworks/elements.d.ts),
// so they stay the same text whatever elements the manifest lists; only elements.d.ts and the React
// wrappers are written per element.
import { generatedHeader } from './elements-types.mjs';

const listeners = (prefix) =>
  `/** \`${prefix}survey-submit\` and so on: one listener prop per event the element fires. */\n` +
  `type Listeners<Events, Target> = {\n` +
  `  [Name in keyof Events & string as \`${prefix}\${Name}\`]?: (event: Events[Name] & { currentTarget: Target }) => void;\n` +
  `};\n`;

export const frameworkDeclarations = {
  'react-jsx.d.ts':
    generatedHeader("React 19's native custom elements in JSX: `import type {} from 'encounter-survey/types/react';`.") +
    `import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n` +
    `import type { ElementTypes } from './elements.js';\n\n` +
    listeners('on') +
    `\n/** React 19 sets a prop as a property when the element has one, and adds \`on<event>\` props as listeners. */\n` +
    `type ReactElementProps<Types extends ElementTypes[keyof ElementTypes]> = DetailedHTMLProps<HTMLAttributes<Types['element']>, Types['element']> &\n` +
    `  Types['properties'] &\n  Types['attributes'] &\n  Listeners<Types['ownEvents'], Types['element']>;\n\n` +
    `type ReactElements = { [Tag in keyof ElementTypes]: ReactElementProps<ElementTypes[Tag]> };\n\n` +
    `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements extends ReactElements {}\n  }\n}\n`,

  'preact.d.ts':
    generatedHeader("Preact's JSX: `import type {} from 'encounter-survey/types/preact';`.") +
    `import type { HTMLAttributes } from 'preact';\n` +
    `import type { ElementTypes } from './elements.js';\n\n` +
    listeners('on') +
    `\ntype PreactElementProps<Types extends ElementTypes[keyof ElementTypes]> = HTMLAttributes<Types['element']> &\n` +
    `  Types['properties'] &\n  Types['attributes'] &\n  Listeners<Types['ownEvents'], Types['element']>;\n\n` +
    `type PreactElements = { [Tag in keyof ElementTypes]: PreactElementProps<ElementTypes[Tag]> };\n\n` +
    `declare module 'preact' {\n  namespace JSX {\n    interface IntrinsicElements extends PreactElements {}\n  }\n}\n`,

  'solid.d.ts':
    generatedHeader("Solid's JSX: `import type {} from 'encounter-survey/types/solid';`. Objects go in with `prop:config`, events with `on:survey-submit`.") +
    `import type { JSX } from 'solid-js';\n` +
    `import type { ElementTypes } from './elements.js';\n\n` +
    listeners('on:') +
    `\n/** \`prop:config\`: Solid sets these as properties, whatever the element. */\n` +
    `type PropNamespace<Properties> = { [Name in keyof Properties & string as \`prop:\${Name}\`]?: Properties[Name] };\n\n` +
    `type SolidElementProps<Types extends ElementTypes[keyof ElementTypes]> = JSX.HTMLAttributes<Types['element']> &\n` +
    `  Types['properties'] &\n  Types['attributes'] &\n  PropNamespace<Types['properties']> &\n  Listeners<Types['ownEvents'], Types['element']>;\n\n` +
    `type SolidElements = { [Tag in keyof ElementTypes]: SolidElementProps<ElementTypes[Tag]> };\n\n` +
    `declare module 'solid-js' {\n  namespace JSX {\n    interface IntrinsicElements extends SolidElements {}\n  }\n}\n`,

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

  'svelte.d.ts':
    generatedHeader("Svelte 5 (svelte-check): `/// <reference types=\"encounter-survey/types/svelte\" />` in a .d.ts of the app.") +
    `import type { HTMLAttributes } from 'svelte/elements';\n` +
    `import type { ElementTypes } from './elements.js';\n\n` +
    listeners('on') +
    `\n/** Svelte 5 sets an attribute as a property when the element has one, and \`on<event>\` adds a listener. */\n` +
    `type SvelteElementProps<Types extends ElementTypes[keyof ElementTypes]> = HTMLAttributes<Types['element']> &\n` +
    `  Types['properties'] &\n  Types['attributes'] &\n  Listeners<Types['ownEvents'], Types['element']>;\n\n` +
    `type SvelteElements = { [Tag in keyof ElementTypes]: SvelteElementProps<ElementTypes[Tag]> };\n\n` +
    `declare module 'svelte/elements' {\n  interface SvelteHTMLElements extends SvelteElements {}\n}\n`,
};
