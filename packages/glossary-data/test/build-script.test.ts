/**
 * scripts/build-data.ts, run as a contributor runs it, on a copy of the package: a broken source
 * stops the build with file:line:column errors and leaves glossary.json as it was.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'sd-glossary-build-'));
const copy = join(root, 'packages', 'glossary-data');
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The package as the scripts see it: its own files, the shared schema two levels up, its node_modules.
for (const part of ['scripts', 'src', 'source', 'package.json', 'glossary.json'])
  cpSync(join(pkgDir, part), join(copy, part), { recursive: true });
cpSync(join(repoRoot, 'schema'), join(root, 'schema'), { recursive: true });
symlinkSync(join(pkgDir, 'node_modules'), join(copy, 'node_modules'));

const run = (): { status: number; stdout: string; stderr: string } => {
  try {
    const stdout = execFileSync(
      process.execPath,
      [join(pkgDir, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-data.ts'],
      { cwd: copy, encoding: 'utf8', stdio: 'pipe' },
    );
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
};

test('a clean source rebuilds the committed file byte for byte', () => {
  const before = readFileSync(join(copy, 'glossary.json'), 'utf8');
  expect(run()).toMatchObject({
    status: 0,
    stdout: `wrote ${JSON.parse(before).entries.length} entries to glossary.json\n`,
  });
  expect(readFileSync(join(copy, 'glossary.json'), 'utf8')).toBe(before);
});

test('a broken source: errors with file:line:column, exit 1, glossary.json untouched, no temp file left', () => {
  const before = readFileSync(join(copy, 'glossary.json'), 'utf8');
  const markdown = readFileSync(join(copy, 'source/glossary.zh-CN.md'), 'utf8');
  writeFileSync(
    join(copy, 'source/glossary.zh-CN.md'),
    markdown
      .replace(
        '| ucg               | unconditional guidance              |',
        '| ucg | unconditional guidance | extra |',
      )
      .replace('## CUDA\n', '## CUDA\n\n## GPU\n'),
  );
  const result = run();
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines.slice(0, -1)).toEqual([
    'source/glossary.zh-CN.md:14:1: table row has 3 cells; expected 2 (term | explanation)',
    'source/glossary.zh-CN.md:85:1: "CUDA" has no definition: write its explanation under the heading',
    // The new heading is an entry the English translation lacks.
    'source/glossary.zh-CN.md:87:1: no en translation of "gpu" in source/glossary.en.md',
    expect.stringMatching(/^source\/overlay\.json:\d+:\d+: overlay entry "ucg": no entry has the headword "ucg"$/),
    // The row is gone, so what pointed at it is reported too.
    expect.stringMatching(/^source\/overlay\.json:\d+:\d+: seeAlso of "cfg" names unknown id "ucg"$/),
    expect.stringMatching(/^source\/overlay\.json:\d+:\d+: seeAlso of "negative-prompt" names unknown id "ucg"$/),
    expect.stringMatching(/^source\/glossary\.en\.md:\d+:1: no entry has the id "ucg"$/),
    expect.stringMatching(/^source\/glossary\.en\.md:\d+:1: no entry has the id "cuda"$/),
  ]);
  expect(lines.at(-1)).toMatch(/^glossary build failed: 8 issues; .*glossary\.json left as it was$/);
  expect(readFileSync(join(copy, 'glossary.json'), 'utf8')).toBe(before);
  expect(execFileSync('ls', [copy], { encoding: 'utf8' })).not.toMatch(/\.tmp/);
});
