// Generates dist/survey-config.schema.json and dist/submission.schema.json from the zod schemas,
// so editors can validate a config as it is typed and receivers can validate what arrives.
// `node --import tsx scripts/json-schemas.ts`. `jsonSchemas()` is also imported by the tests.
// Cross-field rules (duplicate ids, showIf order, locales) are not expressible here; the
// parser reports them.
import { surveyConfigSchema } from '../src/core/config/schema.js';
import { submissionSchema } from '../src/core/submission-schema.js';
import * as z from 'zod/mini';

const BASE = 'https://unpkg.com/encounter-survey/dist/';

export function jsonSchemas(): Record<'survey-config' | 'submission', Record<string, unknown>> {
  return {
    // `input`: what an author writes (fields with defaults are optional).
    'survey-config': {
      ...z.toJSONSchema(surveyConfigSchema, { io: 'input' }),
      $id: `${BASE}survey-config.schema.json`,
      title: 'encounter-survey config',
    },
    submission: {
      ...z.toJSONSchema(submissionSchema, { io: 'output' }),
      $id: `${BASE}submission.schema.json`,
      title: 'encounter-survey submission',
    },
  };
}

const isMain = typeof process !== 'undefined' && process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir('dist', { recursive: true });
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    await writeFile(`dist/${name}.schema.json`, `${JSON.stringify(schema, null, 2)}\n`);
    console.log(`wrote dist/${name}.schema.json`);
  }
}
