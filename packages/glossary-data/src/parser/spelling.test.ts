import { describe, expect, test } from 'vitest';
import { entries, findTerms } from '../index.js';
import { buildGlossary } from './build.js';
import { formatIssue } from './issues.js';

const PAGE = '## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n| db | DreamBooth，一种微调方式 |\n';
const build = (overlay: object) =>
  buildGlossary({
    markdown: PAGE,
    markdownFile: 'p.md',
    overlay: JSON.stringify({ entries: { dreambooth: { headword: 'db', namesInText: ['DreamBooth'], ...overlay } } }),
    overlayFile: 'o.json',
    locale: 'zh-CN',
  });

describe('preferred and discouraged spellings in the overlay', () => {
  test('reach the entry', () => {
    const { glossary, issues } = build({ preferred: 'DreamBooth', discouraged: ['Dreambooth', 'dreambooth'] });
    expect(issues).toEqual([]);
    expect(glossary!.entries[0]).toMatchObject({ preferred: 'DreamBooth', discouraged: ['Dreambooth', 'dreambooth'] });
  });

  test('a preferred spelling that is no form, and discouraged ones the matcher would not find, are errors', () => {
    const { glossary, issues } = build({ preferred: 'Dream Booth', discouraged: ['Dream-Boot', 'Dream Booth'] });
    expect(glossary).toBeUndefined();
    expect(issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^o\.json:1:\d+: preferred: "Dream Booth" is not a form of "db"$/),
      expect.stringMatching(
        /^o\.json:1:\d+: discouraged: "Dream-Boot" is not a spelling of a form of "db", so it would never be found$/,
      ),
      expect.stringMatching(/^o\.json:1:\d+: discouraged: "Dream Booth" is the preferred spelling$/),
    ]);
  });

  test('one without the other is a schema error', () => {
    expect(build({ preferred: 'DreamBooth' }).issues.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^o\.json:1:\d+: schema: .*must have property discouraged when property preferred is present/,
      ),
    ]);
  });
});

test('built in: each discouraged spelling is found whole as its entry, and is not the preferred one', () => {
  const curated = entries.filter((e) => e.discouraged);
  expect(curated.map((e) => [e.id, e.preferred, e.discouraged])).toEqual([
    ['dreambooth', 'DreamBooth', ['Dreambooth', 'dreambooth']],
    ['lora', 'LoRA', ['Lora', 'lora']],
  ]);
  for (const entry of curated) {
    expect(entry.forms.map((f) => f.text)).toContain(entry.preferred);
    for (const text of entry.discouraged!) {
      expect(text).not.toBe(entry.preferred);
      expect(findTerms(text)).toEqual([{ start: 0, end: text.length, text, ids: [entry.id] }]);
    }
  }
});
