// `cem analyze` reads the JSDoc on each element class and writes dist/custom-elements.json.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.define.ts', 'src/components/**/*.strings.ts'],
  outdir: 'dist',
  litelement: true,
};
