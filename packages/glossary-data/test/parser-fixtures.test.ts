/**
 * Golden tests of the parser and validator: each folder under fixtures/ holds an input.md, maybe an
 * overlay.json and a translation.en.md, and expected.json (the built document, or the issues).
 * Regenerate on purpose with `UPDATE_FIXTURES=1 pnpm vitest run test/parser-fixtures.test.ts`, then
 * review the diff.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { buildGlossary, formatIssue, serializeGlossary, type BuildGlossaryResult } from '../src/parser/index.js';

const root = fileURLToPath(new URL('fixtures/', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1';
const cases = readdirSync(root).sort();

test('there are fixtures', () => {
  expect(cases.length).toBeGreaterThanOrEqual(10);
});

test.each(cases)('%s', (name) => {
  const dir = `${root}${name}/`;
  const overlayPath = `${dir}overlay.json`;
  const translationPath = `${dir}translation.en.md`;
  const options = {
    markdown: readFileSync(`${dir}input.md`, 'utf8'),
    markdownFile: 'input.md',
    ...(existsSync(overlayPath) && { overlay: readFileSync(overlayPath, 'utf8'), overlayFile: 'overlay.json' }),
    ...(existsSync(translationPath) && {
      translations: [
        {
          locale: 'en',
          markdown: readFileSync(translationPath, 'utf8'),
          file: 'translation.en.md',
          notice: 'test translation',
        },
      ],
    }),
    locale: 'zh-CN',
  };
  const render = (result: BuildGlossaryResult): string =>
    result.glossary
      ? serializeGlossary(result.glossary)
      : `${JSON.stringify({ issues: result.issues.map(formatIssue) }, null, 2)}\n`;
  const actual = render(buildGlossary(options));
  const expectedPath = `${dir}expected.json`;
  if (update || !existsSync(expectedPath)) {
    if (!update) throw new Error(`${expectedPath} is missing; run with UPDATE_FIXTURES=1 to create it`);
    writeFileSync(expectedPath, actual);
  }
  expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
});
