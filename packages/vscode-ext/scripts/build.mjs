// Bundles the client and the server into dist/ (one file each, `vscode` external), and copies the
// files the extension ships beside them: the glossary's source markdown (for go to definition), the
// schema (for jsonValidation), the licences. The server is the language server package's own entry
// (its dist/main.cjs, the one its bin runs), bundled here with the data package it requires.
import { copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const dataDir = dirname(require.resolve('@sd-glossary/data/package.json'));
const serverDir = dirname(require.resolve('@sd-glossary/lsp-server/package.json'));

rmSync(join(here, 'dist'), { recursive: true, force: true });
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
// VS Code for the Web: the client for the web worker extension host, and the server's worker scripts
// (the language server package's browser build, which already has nothing of Node in it).
await build({
  ...common,
  platform: 'browser',
  target: 'es2022',
  entryPoints: ['src/web-extension.ts'],
  outfile: 'dist/web-extension.js',
  external: ['vscode'],
});
for (const script of ['browser.js', 'browser-parser.js']) {
  copyFileSync(join(serverDir, 'dist', script), join(here, 'dist', script));
}
// The glossary parser (remark, Ajv, pinyin) is one file for both hosts: the web worker's script
// (dist/browser-parser.js, copied above), which puts the parser's functions on the global scope. The
// desktop server's glossary reader requires that same script when it first reads a glossary, so the
// package carries the parser once, and no start compiles it.
const sharedParser = {
  name: 'shared-parser',
  setup(build) {
    build.onResolve({ filter: /^@sd-glossary\/data\/parser$/ }, () => ({ path: 'parser', namespace: 'shared-parser' }));
    build.onResolve({ filter: /^\.\/browser-parser\.js$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'shared-parser' }, () => ({
      contents: "require('./browser-parser.js');\nmodule.exports = globalThis.sdGlossaryParser;\n",
      loader: 'js',
    }));
  },
};
await build({
  ...common,
  entryPoints: [join(serverDir, 'dist', 'main.cjs')],
  outfile: 'dist/server.js',
  plugins: [sharedParser],
});
// The worker thread that reads workspace glossaries: the server starts it from this name, beside it.
await build({
  ...common,
  entryPoints: [join(serverDir, 'dist', 'load-worker.cjs')],
  outfile: 'dist/load-worker.cjs',
  plugins: [sharedParser],
});

mkdirSync(join(here, 'glossary'), { recursive: true });
mkdirSync(join(here, 'schema'), { recursive: true });
// The book's pages and SD Glossary's editorial page, laid out as in the data package's source/, where
// the server looks for them.
for (const page of ['glossary.zh-CN.md', 'editorial.zh-CN.md']) {
  copyFileSync(join(dataDir, 'source', page), join(here, 'glossary', page));
}
rmSync(join(here, 'glossary', 'book'), { recursive: true, force: true });
cpSync(join(dataDir, 'source', 'book'), join(here, 'glossary', 'book'), { recursive: true });
copyFileSync(join(here, '..', '..', 'schema', 'glossary.schema.json'), join(here, 'schema', 'glossary.schema.json'));
copyFileSync(join(dataDir, 'LICENSE-GFDL-1.3'), join(here, 'LICENSE-GFDL-1.3'));
console.log("built dist/: the desktop client and server, and the web client with the server's worker scripts");
