/**
 * The drift gate: the committed word list and licence files are what the current glossary generates.
 * When it fails, run the command in its message and commit the result.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { exportedExtension, generatedFiles, packageDir, regenerateCommand } from '../scripts/dictionary.js';

test.each(generatedFiles().map((f) => [f.path, f.text] as const))('%s is what the glossary generates', (path, text) => {
  const committed = readFileSync(join(packageDir, path), 'utf8');
  expect(committed, `${path} differs from what the current glossary generates: run \`${regenerateCommand}\``).toBe(
    text,
  );
});

test('cspell-ext.json says what sd-glossary export --format cspell writes', () => {
  const committed: unknown = JSON.parse(readFileSync(join(packageDir, 'cspell-ext.json'), 'utf8'));
  expect(committed).toEqual(exportedExtension());
});

test('package.json ships the extension, the word list and the licence files, and exports the extension', () => {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    exports: Record<string, string>;
    files: string[];
    license: string;
  };
  expect(manifest.exports['./cspell-ext.json']).toBe('./cspell-ext.json');
  expect(manifest.exports['.']).toBe('./cspell-ext.json');
  expect(manifest.files).toEqual([
    'cspell-ext.json',
    'dict/sd-glossary.txt',
    'LICENSE',
    'LICENSE-GFDL-1.3',
    'NOTICE.md',
  ]);
  expect(manifest.license).toBe('GFDL-1.3-or-later');
});
