import type { EditableConfig } from './edits.js';

/**
 * What `<survey-editor>` gives a page author to paste: the config as a JSON file, and HTML that works
 * as pasted (the one-file build by one script tag, the config inline). The JSON inside a
 * `<script type="application/json">` has `<` escaped, so no text in it can close the tag early (the
 * same JSON is a valid object literal in the React and Vue components, escapes and all).
 */
export type SnippetKind = 'inline' | 'kiosk' | 'launcher' | 'react' | 'vue';

export const SNIPPET_KINDS: readonly SnippetKind[] = ['inline', 'kiosk', 'launcher', 'react', 'vue'];

/** The config as a file: two-space JSON, a newline at the end. */
export function configJson(config: EditableConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** JSON safe inside a script element: `<` (and the line separators old parsers choke on) escaped. */
export function inlineJson(config: EditableConfig): string {
  return JSON.stringify(config, null, 2)
    .replaceAll('<', '\\u003c')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}

const attribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
const indent = (text: string, by: string) => text.replaceAll('\n', `\n${by}`);

/**
 * One snippet. `scriptUrl`: where the page loads the one-file build (encounter-survey.js); `endpoint`:
 * where responses go, when the config does not say.
 */
export function embedSnippet(kind: SnippetKind, config: EditableConfig, { scriptUrl, endpoint }: { scriptUrl: string; endpoint?: string }): string {
  const script = `<script type="module" src="${attribute(scriptUrl)}"></script>`;
  const id = attribute(String(config.id ?? 'survey'));
  const to = endpoint && !config.endpoint ? ` endpoint="${attribute(endpoint)}"` : '';
  const json = (by: string) => `${by}<script type="application/json">\n${by}  ${indent(inlineJson(config), `${by}  `)}\n${by}</script>`;
  if (kind === 'inline') return `${script}\n<encounter-survey${to}>\n${json('  ')}\n</encounter-survey>\n`;
  if (kind === 'react') {
    const prop = endpoint && !config.endpoint ? ` endpoint=${JSON.stringify(endpoint)}` : '';
    return `import { EncounterSurvey } from 'encounter-survey/react';
import type { SurveyConfigInput } from 'encounter-survey';

const config: SurveyConfigInput = ${inlineJson(config)};

export function Survey() {
  return <EncounterSurvey config={config}${prop} />;
}
`;
  }
  if (kind === 'vue') {
    return `<!-- Vue 3: the compiler needs isCustomElement: (tag) => tag.includes('-') (see the README, Frameworks). -->
<script setup lang="ts">
import 'encounter-survey/define';
import type { SurveyConfigInput } from 'encounter-survey';

const config: SurveyConfigInput = ${inlineJson(config)};
</script>

<template>
  <encounter-survey :config="config"${to}></encounter-survey>
</template>
`;
  }
  if (kind === 'launcher') {
    return `${script}\n<encounter-survey id="${id}" mode="dialog"${to}>\n${json('  ')}\n</encounter-survey>\n<survey-launcher for="${id}"></survey-launcher>\n`;
  }
  const lang = attribute(config.locales?.[0] ?? 'en');
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${attribute(typeof config.title === 'string' ? config.title : (Object.values(config.title ?? {})[0] ?? 'Survey'))}</title>
    ${script}
  </head>
  <body>
    <encounter-survey mode="kiosk"${to}>
${json('      ')}
    </encounter-survey>
  </body>
</html>
`;
}
