import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The library: dependencies stay dependencies. `settings` is its own entry so a client (the
    // VS Code extension) can use the settings helpers without the server.
    entry: { index: 'src/index.ts', settings: 'src/settings.ts' },
    format: ['esm'],
    dts: true,
    tsconfig: 'tsconfig.build.json',
    target: 'node20',
    platform: 'node',
  },
  {
    // The bin's code: the protocol libraries are bundled so the server starts by reading one file
    // (plus the data package, which it shares with anything else that uses the glossary).
    // CommonJS: Node's CommonJS loader starts a few milliseconds sooner than its ESM loader.
    entry: { main: 'src/main.ts' },
    format: ['cjs'],
    shims: true,
    target: 'node20',
    platform: 'node',
    noExternal: [/^vscode-/],
    minify: true,
    define: { SERVER_VERSION: JSON.stringify(version) },
    // `import()` becomes `require()` (the data package's parser has a CommonJS build): code that V8
    // takes from a code cache cannot run `import()` (nodejs/node#43663), and the bin runs this
    // file through one.
    esbuildOptions(options) {
      options.supported = { ...options.supported, 'dynamic-import': false };
    },
  },
  {
    // What the bin runs: loads main.cjs with V8's code cache (see src/compile-cache.ts).
    entry: { boot: 'src/boot.ts' },
    format: ['cjs'],
    target: 'node20',
    platform: 'node',
    minify: true,
  },
]);
