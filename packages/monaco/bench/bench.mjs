// Size of the Monaco adapter as a web page ships it: bundled for the browser with its data and the
// language service (monaco-editor itself is the page's), minified, raw and gzip, beside its budget.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const BUDGET_GZIP = 150 * 1024;
const bundle = await build({
  entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'esm',
  minify: true,
  external: ['monaco-editor'],
  logLevel: 'silent',
});
const code = bundle.outputFiles[0].contents;
const gzip = gzipSync(code, { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  [
    `@sd-glossary/monaco benchmark (node ${process.version})`,
    `  browser bundle with the glossary and the service: ${kib(code.length)} raw, ${kib(gzip)} gzip` +
      `  (budget < ${kib(BUDGET_GZIP)} gzip)${gzip < BUDGET_GZIP ? ' ok' : ' MISSED'}`,
  ].join('\n'),
);
