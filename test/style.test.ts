/**
 * House style, checked by the tests as by `pnpm lint`: Prettier's formatting, eslint's rules, and
 * no line of code over 120 characters (Prettier leaves long strings and comments alone).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
/** Runs a package's bin; its output (what it found), empty when all is well. */
function run(name: string, bin: string, args: string[]): string {
  const path = join(dirname(require.resolve(`${name}/package.json`)), bin);
  const result = spawnSync(process.execPath, [path, ...args], { cwd: root, encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.trim() || (result.status === 0 ? '' : `exit ${result.status}`);
}

test('Prettier: every file is formatted', () => {
  expect(run('prettier', 'bin/prettier.cjs', ['--check', '--log-level=warn', '.'])).toBe('');
});

test('eslint: no problem', () => {
  expect(run('eslint', 'bin/eslint.js', ['--max-warnings=0', '.'])).toBe('');
});

test('no line of code over 120 characters', () => {
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  const code = tracked
    .split('\n')
    .filter((file) => /\.(?:[cm]?[jt]s|lua|el|sh)$/.test(file))
    // Generated from the schema by json-schema-to-typescript; the drift test guards it.
    .filter((file) => !file.endsWith('src/glossary-types.ts'));
  const long = code.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(`${root}/${file}`, 'utf8');
    } catch {
      return []; // deleted in the working tree
    }
    return text.split('\n').flatMap((line, i) => ([...line].length > 120 ? [`${file}:${i + 1}`] : []));
  });
  expect(long).toEqual([]);
});
