/**
 * The textlint export read by the real tool: textlint with textlint-rule-terminology, configured as
 * the README says, flags the jargon written in the wrong case and leaves the right spellings alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { exportGlossary } from '../src/export/export-glossary.js';
import { glossary } from '../src/index.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const TEXTLINT = join(dirname(createRequire(import.meta.url).resolve('textlint/package.json')), 'bin', 'textlint.js');

test('textlint-rule-terminology with the exported terms flags wrong case, and only that', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sd-glossary-textlint-'));
  const [terms] = exportGlossary('textlint', [glossary]);
  writeFileSync(join(dir, terms!.path), terms!.text);
  writeFileSync(
    join(dir, '.textlintrc.json'),
    JSON.stringify({ rules: { terminology: { defaultTerms: false, terms: join(dir, terms!.path) } } }),
  );
  writeFileSync(
    join(dir, 'note.md'),
    '# Notes\n\nWe trained with dreambooth and a new vae; the Cfg was 7.\n\nDreamBooth, VAE and CFG are fine.\n',
  );
  // Run from this package, where textlint finds the rule.
  const result = spawnSync(
    process.execPath,
    [TEXTLINT, '--config', join(dir, '.textlintrc.json'), '--format', 'json', join(dir, 'note.md')],
    { cwd: here, encoding: 'utf8' },
  );
  const [report] = JSON.parse(result.stdout) as Array<{
    messages: Array<{ line: number; column: number; message: string }>;
  }>;
  expect(report!.messages.map((m) => [m.line, m.column, m.message])).toEqual([
    [3, 17, 'Incorrect term: “dreambooth”, use “DreamBooth” instead'],
    [3, 38, 'Incorrect term: “vae”, use “VAE” instead'],
    [3, 47, 'Incorrect term: “Cfg”, use “CFG” instead'],
  ]);
  expect(result.status).toBe(1);
});
