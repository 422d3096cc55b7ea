// Bundles the web worker entry (src/browser.ts) into dist/browser.js, a classic script with every
// dependency inside for `new Worker(url)`, and the glossary parser it loads when a workspace has a
// glossary into dist/browser-parser.js beside it. The parser is bundled from the data package's
// sources, so unified's files take their browser form; packages with a DOM form take their worker one.
// The build fails when anything of Node is left in it: esbuild resolves no Node built-in for the
// browser. The parser's one use of Node, `readGlossaryFile`'s node:fs, is mapped to a module that
// says there is no file system: the worker never reads a file itself.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${here}package.json`, 'utf8'));

const common = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  conditions: ['worker'],
  target: 'es2022',
  minify: true,
  metafile: true,
  logLevel: 'warning',
  define: { SERVER_VERSION: JSON.stringify(version) },
};
// The worker: the server and the service with the glossary; the parser it loads when it needs it.
const worker = await build({
  ...common,
  entryPoints: [`${here}src/browser.ts`],
  outfile: `${here}dist/browser.js`,
  alias: { '@sd-glossary/data/parser': `${here}src/browser-parser-loader.ts` },
});
const parser = await build({
  ...common,
  entryPoints: [`${here}src/browser-parser.ts`],
  outfile: `${here}dist/browser-parser.js`,
  alias: {
    '@sd-glossary/data/parser': `${here}../glossary-data/src/parser/index.ts`,
    'node:fs': `${here}scripts/no-file-system.mjs`,
  },
});
const outputs = [worker, parser].flatMap((r) => Object.entries(r.metafile.outputs));
const left = outputs.flatMap(([, o]) => o.imports.filter((i) => i.external));
if (left.length) {
  console.error(`the browser bundles import Node built-ins: ${left.map((i) => i.path).join(', ')}`);
  process.exit(1);
}
const sizes = outputs.map(([file, o]) => `${file.split('/').pop()} ${(o.bytes / 1024).toFixed(0)} KiB`);
console.log(`built ${sizes.join(', ')}; no Node built-ins in them`);
