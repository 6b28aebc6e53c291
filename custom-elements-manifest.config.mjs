import { readFileSync } from 'node:fs';

// `cem analyze` reads the JSDoc on each element class and writes dist/custom-elements.json.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.define.ts', 'src/components/**/*.strings.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // `dispatchEvent(new SurveyResetEvent(…))` is seen as an event without a name; the JSDoc
      // `@event` tags already list every event by name.
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
            // Lit's `state: true` properties are internal state, not API: neither member nor attribute
            // (the analyzer lists them as public attributes).
            const source = readFileSync(module.path, 'utf8');
            const internal = new Set([...source.matchAll(/^\s*(\w+): \{ state: true/gm)].map((match) => match[1]));
            if (declaration.members) declaration.members = declaration.members.filter((member) => !internal.has(member.name));
            if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => !internal.has(attribute.fieldName));
          }
        }
      },
    },
  ],
};
