// Bundles the client and the server into dist/ (one file each, `vscode` external), and copies the
// files the extension ships beside them: the glossary's source markdown (for go to definition), the
// schema (for jsonValidation), the licences.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const dataDir = dirname(require.resolve('@sd-glossary/data/package.json'));
const { version } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));

rmSync(join(here, 'dist'), { recursive: true, force: true });
// builtinGlossary() of the server package reads import.meta; the bundled server never calls it.
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
  absWorkingDir: here,
  logOverride: { 'empty-import-meta': 'silent' },
};
await build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] });
await build({
  ...common,
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.js',
  define: { SERVER_VERSION: JSON.stringify(version) },
});

mkdirSync(join(here, 'glossary'), { recursive: true });
mkdirSync(join(here, 'schema'), { recursive: true });
copyFileSync(join(dataDir, 'source', 'glossary.zh-CN.md'), join(here, 'glossary', 'glossary.zh-CN.md'));
copyFileSync(join(here, '..', '..', 'schema', 'glossary.schema.json'), join(here, 'schema', 'glossary.schema.json'));
copyFileSync(join(dataDir, 'LICENSE-GFDL-1.3'), join(here, 'LICENSE-GFDL-1.3'));
console.log('built dist/extension.js and dist/server.js');
