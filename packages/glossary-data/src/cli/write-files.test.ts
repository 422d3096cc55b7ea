import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeFilesAtomically } from './write-files.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sd-glossary-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every file under a directory, relative to it, sorted. */
async function tree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

test('writes every file, creating directories, and leaves no temporary file', async () => {
  const out = join(dir, 'out');
  const written = await writeFilesAtomically(out, [
    { path: 'cspell-ext.json', text: '{}\n' },
    { path: 'dict/words.txt', text: 'CFG\n炸炉\n' },
  ]);
  expect(written).toEqual([join(out, 'cspell-ext.json'), join(out, 'dict/words.txt')]);
  expect(await tree(out)).toEqual(['cspell-ext.json', 'dict/words.txt']);
  expect(await readFile(join(out, 'dict/words.txt'), 'utf8')).toBe('CFG\n炸炉\n');
});

test('replaces files that are there', async () => {
  await writeFile(join(dir, 'a.txt'), 'old');
  await writeFilesAtomically(dir, [{ path: 'a.txt', text: 'new' }]);
  expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('new');
});

test('when one file cannot be written, no target is touched and no temporary file is left', async () => {
  await writeFile(join(dir, 'a.txt'), 'old');
  // A file where a directory has to be: the second file cannot be written.
  await writeFile(join(dir, 'dict'), 'in the way');
  await expect(
    writeFilesAtomically(dir, [
      { path: 'a.txt', text: 'new' },
      { path: 'dict/words.txt', text: 'CFG\n' },
    ]),
  ).rejects.toMatchObject({ code: expect.stringMatching(/^(EEXIST|ENOTDIR)$/) });
  expect(await tree(dir)).toEqual(['a.txt', 'dict']);
  expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('old');
});

test('a rename that fails names the target and leaves no temporary file', async () => {
  await mkdir(join(dir, 'b.txt'));
  await expect(
    writeFilesAtomically(dir, [
      { path: 'a.txt', text: 'a' },
      { path: 'b.txt', text: 'b' },
    ]),
  ).rejects.toMatchObject({ path: join(dir, 'b.txt') });
  expect(await tree(dir)).toEqual(['a.txt']);
});
