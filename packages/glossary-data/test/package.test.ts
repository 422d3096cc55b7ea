/**
 * The package as npm users get it: pack the tarball, install it into a throwaway project, import it
 * from ESM, CommonJS and type-checked TypeScript, run its bin; publint and arethetypeswrong on the tarball.
 * Needs the build output (`pnpm build`, which the root `test` script runs first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { name: string; version: string };
let work: string;
let tarball: string;
let files: string[];

const run = (cmd: string, args: string[], cwd: string): string =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_yes: 'true' },
  });

beforeAll(() => {
  if (!existsSync(join(pkgDir, 'dist/index.js')))
    throw new Error('dist/ is missing: run `pnpm build` before these tests');
  work = mkdtempSync(join(tmpdir(), 'sd-glossary-pack-'));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], pkgDir)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  tarball = join(work, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path).sort();
  const project = join(work, 'consumer');
  run('mkdir', ['-p', project], work);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  // The package has no dependencies, so this install needs no registry.
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--offline', tarball], project);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  test('ships the code, the data, the source, the schema and both licences, nothing else', () => {
    expect(files).toEqual([
      'LICENSE',
      'LICENSE-GFDL-1.3',
      'NOTICE.md',
      'README.md',
      'core/package.json',
      'dist/cli.js',
      'dist/core.cjs',
      'dist/core.d.cts',
      'dist/core.d.ts',
      'dist/core.js',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/parser.cjs',
      'dist/parser.d.cts',
      'dist/parser.d.ts',
      'dist/parser.js',
      'glossary.json',
      'package.json',
      'parser/package.json',
      'schema.json',
      'source/README.md',
      'source/book/advanced/finetuning/aesthetic-gradients.md',
      'source/book/advanced/finetuning/hypernetwork.md',
      'source/book/advanced/finetuning/index.md',
      'source/book/advanced/finetuning/textual-inversion.md',
      'source/book/guide/configuration/model.md',
      'source/book/guide/configuration/other.md',
      'source/book/guide/configuration/param-advanced.md',
      'source/book/guide/configuration/param-basic.md',
      'source/book/guide/prompt-engineering/img2img.md',
      'source/book/guide/prompt-engineering/misc.md',
      'source/book/guide/prompt-engineering/txt2img.md',
      'source/editorial.zh-CN.md',
      'source/glossary.en.md',
      'source/glossary.zh-CN.md',
      'source/overlay.json',
    ]);
  });

  test('publint reports nothing', async () => {
    const { messages, pkg: manifest } = await publint({ pkgDir, pack: 'npm', strict: true, level: 'suggestion' });
    expect(messages.map((m) => formatMessage(m, manifest))).toEqual([]);
  });

  test('arethetypeswrong reports no problems', async () => {
    const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
    expect(analysis.types).not.toBe(false);
    expect('problems' in analysis ? analysis.problems : ['untyped']).toEqual([]);
  });
});

describe('installed in a throwaway project', () => {
  const consumer = (): string => join(work, 'consumer');

  test('ESM import', () => {
    writeFileSync(
      join(consumer(), 'esm.mjs'),
      `import { lookup, search, findTerms, entries, glossary } from '${pkg.name}';
import data from '${pkg.name}/glossary.json' with { type: 'json' };
import schema from '${pkg.name}/schema.json' with { type: 'json' };
import { buildGlossary } from '${pkg.name}/parser';
import { createGlossaryIndex } from '${pkg.name}/core';
const markdown = '## CFG\\n\\nClassifier Free Guidance Scale。\\n';
const built = buildGlossary({ markdown, markdownFile: 'g.md', locale: 'zh-CN' });
console.log(JSON.stringify([
  lookup('cfg_scale')[0].id, search('zl')[0].entry.headword, findTerms('炸炉 CFG').length, entries.length,
  glossary.license.spdx, data.entries.length, schema.$id, built.glossary.entries[0].id,
  createGlossaryIndex(built.glossary).lookup('cfg')[0].id,
]));`,
    );
    expect(JSON.parse(run('node', ['esm.mjs'], consumer()))).toEqual([
      'cfg',
      '炸炉',
      2,
      158,
      'GFDL-1.3-or-later',
      158,
      'https://unpkg.com/@sd-glossary/data/schema.json',
      'cfg',
      'cfg',
    ]);
  });

  test('CommonJS require', () => {
    writeFileSync(
      join(consumer(), 'cjs.cjs'),
      `const { lookup, getEntry, entries } = require('${pkg.name}');
const { validateGlossaryJson } = require('${pkg.name}/parser');
const core = require('${pkg.name}/core');
const text = require('node:fs').readFileSync(require.resolve('${pkg.name}/glossary.json'), 'utf8');
const issues = validateGlossaryJson(text, 'g.json').issues;
const found = [lookup('DreamBooth')[0].id, getEntry('overtrained').headword, entries.length, issues.length];
// The core has the functions and no built-in glossary; the main entry's are the same functions.
found.push('glossary' in core, core.createGlossaryIndex === require('${pkg.name}').createGlossaryIndex);
console.log(JSON.stringify(found));`,
    );
    expect(JSON.parse(run('node', ['cjs.cjs'], consumer()))).toEqual(['dreambooth', '炸炉', 158, 0, false, true]);
  });

  test('TypeScript type-checks against the shipped types (nodenext, strict)', () => {
    writeFileSync(
      join(consumer(), 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          types: [],
        },
        files: ['check.mts', 'check.cts'],
      }),
    );
    const body = `const entry: GlossaryEntry | undefined = getEntry('cfg');
const id: string = entry?.id ?? '';
const hits: readonly TermMatch[] = findTerms('CFG');
const start: number = hits[0]?.start ?? 0;
// @ts-expect-error lookup takes a string
lookup(42);
export { id, start };`;
    writeFileSync(
      join(consumer(), 'check.mts'),
      `import { getEntry, findTerms, lookup, type GlossaryEntry, type TermMatch } from '${pkg.name}';\n${body}\n`,
    );
    writeFileSync(
      join(consumer(), 'check.cts'),
      `import { getEntry, findTerms, lookup, type GlossaryEntry, type TermMatch } from '${pkg.name}';\n${body}\n`,
    );
    expect(run('node', [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], consumer())).toBe(
      '',
    );
  });

  test('the sd-glossary bin runs', () => {
    expect(run(join(consumer(), 'node_modules/.bin/sd-glossary'), ['--version'], consumer())).toBe(`${pkg.version}\n`);
    expect(run(join(consumer(), 'node_modules/.bin/sd-glossary'), ['lookup', '炸炉'], consumer()).split('\n')[0]).toBe(
      '炸炉  (overtrained · jargon)',
    );
  });
});
