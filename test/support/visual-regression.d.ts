// The package's index.d.ts re-exports './browser/commands.mjs', whose types (commands.d.ts) TypeScript
// does not find under that name; this states the one function the visual tests use.
declare module '@web/test-runner-visual-regression' {
  export function visualDiff(element: Node, name: string): Promise<void>;
}
