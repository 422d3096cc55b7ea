/**
 * The drift gate: what is committed must be what the build writes. When one of these fails, run
 * `pnpm --filter @sd-glossary/data build:data` (or `gen:types`) and commit the result.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { buildBuiltinGlossary, outputPath } from '../scripts/builtin.js';
import { renderGlossaryTypes } from '../scripts/render-types.js';
import { formatIssue, serializeGlossary } from '../src/parser/index.js';

test('glossary.json is what the source markdown and overlay build', () => {
  const { glossary, issues } = buildBuiltinGlossary();
  expect(issues.map(formatIssue)).toEqual([]);
  expect(readFileSync(outputPath, 'utf8')).toBe(serializeGlossary(glossary!));
});

test('src/glossary-types.ts is what the schema generates', async () => {
  const committed = readFileSync(fileURLToPath(new URL('../src/glossary-types.ts', import.meta.url)), 'utf8');
  expect(committed).toBe(await renderGlossaryTypes());
});
