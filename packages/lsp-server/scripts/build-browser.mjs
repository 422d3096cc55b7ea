// Bundles the web worker entry (src/browser.ts) into dist/browser.js: one classic script with every
// dependency inside, for `new Worker(url)`. The data package's parser is bundled from its sources, so
// unified's files take their browser form; packages that have a DOM form take their worker one.
// The build fails when anything of Node is left in it: esbuild resolves no Node built-in for the
// browser (the data package maps its one use of node:fs, `readGlossaryFile`, to nothing there).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${here}package.json`, 'utf8'));

const result = await build({
  entryPoints: [`${here}src/browser.ts`],
  outfile: `${here}dist/browser.js`,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  conditions: ['worker'],
  target: 'es2022',
  minify: true,
  metafile: true,
  logLevel: 'warning',
  // `readGlossaryFile` reads nothing in a browser, as the data package says; the worker never calls it.
  logOverride: { 'import-is-undefined': 'silent' },
  define: { SERVER_VERSION: JSON.stringify(version) },
  alias: { '@sd-glossary/data/parser': `${here}../glossary-data/src/parser/index.ts` },
});
const left = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external));
if (left.length) {
  console.error(`dist/browser.js imports Node built-ins: ${left.map((i) => i.path).join(', ')}`);
  process.exit(1);
}
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(`built dist/browser.js (${(bytes / 1024).toFixed(0)} KiB), no Node built-ins in it`);
