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
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
