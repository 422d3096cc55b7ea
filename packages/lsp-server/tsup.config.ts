import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'tsup';
import { lazyFunctions } from './scripts/lazy-functions.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
// The data package's functions, from its build (`pnpm build` at the root builds it first).
function loadDataPackage(): Record<string, unknown> {
  try {
    return createRequire(import.meta.url)('@sd-glossary/data') as Record<string, unknown>;
  } catch (error) {
    throw new Error(
      `@sd-glossary/data is not built: run \`pnpm build\` at the repository root (${(error as Error).message})`,
      { cause: error },
    );
  }
}
const data = loadDataPackage();
const dataFunctions = Object.keys(data).filter((name) => typeof data[name] === 'function');

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
    // The data package stays a require, made by the lazyFunctions plugin below: tsup's own
    // externals must leave it to the plugin.
    noExternal: [/^vscode-/, /^@sd-glossary\/data$/],
    minify: true,
    define: { SERVER_VERSION: JSON.stringify(version) },
    // The data package is required at the first call of one of its functions, after `initialize`
    // has been answered (the glossary loads then, see builtin-glossary.ts): 4–5 ms of a start.
    esbuildPlugins: [lazyFunctions('@sd-glossary/data', dataFunctions)],
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
