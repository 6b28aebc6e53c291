// Writes encounter-survey/react: one React component per element, made with @lit/react's
// createComponent. Props that are element properties are set as properties (objects included) in
// a layout effect, and `onSurveySubmit`-style props become listeners — which is also what makes them
// right after hydrateRoot, where React 19's own custom-element handling sets nothing (react#35446).
// Each component is its own module, so a bundler drops the ones an app does not use.
import { generatedHeader } from './elements-types.mjs';
import { pascal } from './manifest.mjs';

const listenerProp = (event) => `on${pascal(event.name)}`;

/** @param {import('./manifest.mjs').ElementModel} element */
export function wrapperModule(element) {
  const events = element.events.map((event) => `    ${listenerProp(event)}: '${event.name}',\n`).join('');
  return (
    generatedHeader(`<${element.tag}> as a React component.`) +
    // React is CommonJS: its default export works in Node's ESM and in every bundler; a namespace import does not in Node.
    `import React from 'react';\n` +
    `import { createComponent } from '@lit/react';\n` +
    `import { ${element.className} as ${element.className}Element } from '../${element.module}';\n` +
    `// Registers the tag in browsers; on a server it defines nothing a DOM would need.\n` +
    `import '../${element.defineModule}';\n\n` +
    `export const ${element.className} = createComponent({\n` +
    `  react: React,\n` +
    `  tagName: '${element.tag}',\n` +
    `  elementClass: ${element.className}Element,\n` +
    `  displayName: '${element.className}',\n` +
    `  events: {\n${events}  },\n` +
    `});\n`
  );
}

/** @param {import('./manifest.mjs').ElementModel[]} elements */
export function wrapperIndex(elements) {
  return (
    generatedHeader('React components for every element (encounter-survey/react).') +
    elements.map((element) => `export { ${element.className} } from './${element.tag}.js';\n`).join('')
  );
}

/** @param {import('./manifest.mjs').ElementModel[]} elements */
export function wrapperDeclarations(elements) {
  const parts = [
    generatedHeader('React components for every element (encounter-survey/react).'),
    `import type { ForwardRefExoticComponent, HTMLAttributes, RefAttributes } from 'react';\n`,
    `import type { ElementTypes, EventFor } from '../frameworks/elements.js';\n\n`,
    `/** The element's properties (set as properties, objects included), its listeners, and React's usual HTML props. */\n`,
    `export type ElementComponentProps<Tag extends keyof ElementTypes, Listeners> = Omit<\n`,
    `  HTMLAttributes<ElementTypes[Tag]['element']>,\n`,
    `  keyof ElementTypes[Tag]['properties'] | keyof Listeners\n`,
    `> &\n  ElementTypes[Tag]['properties'] &\n  Listeners &\n  RefAttributes<ElementTypes[Tag]['element']>;\n`,
  ];
  for (const element of elements) {
    const listeners = element.events
      .map((event) => {
        const description = event.description ? `  /** \`${event.name}\`: ${event.description.replaceAll('*/', '*\\/')} */\n` : '';
        return `${description}  ${listenerProp(event)}?: (event: EventFor<'${event.name}'>) => void;\n`;
      })
      .join('');
    const name = element.className;
    parts.push(
      `\n/** Listener props of \`<${name}>\`. */\nexport interface ${name}Listeners {\n${listeners}}\n`,
      `export type ${name}Props = ElementComponentProps<'${element.tag}', ${name}Listeners>;\n`,
      `/** \`<${element.tag}>\`: ${element.description.replaceAll('*/', '*\\/')} */\n`,
      `export declare const ${name}: ForwardRefExoticComponent<${name}Props>;\n`,
    );
  }
  return parts.join('');
}
