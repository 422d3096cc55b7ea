import { createGlossaryIndex, getEntry, glossary as builtin } from '@sd-glossary/data';
import { parseGlossaryFile } from '@sd-glossary/data/parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { describe, expect, test } from 'vitest';
import { parseSettings } from '../settings.js';
import { createLanguageService, type RequestContext } from './language-service.js';

// The built-in glossary, with DreamBooth's spelling curated as the overlay curates it.
const dreambooth = { ...getEntry('dreambooth')!, preferred: 'DreamBooth', discouraged: ['Dreambooth', 'dreambooth'] };
const glossary = {
  ...builtin,
  entries: builtin.entries.map((e) => (e.id === 'dreambooth' ? dreambooth : e)),
} as typeof builtin;
const service = createLanguageService({ index: createGlossaryIndex(glossary), sourceUri: () => undefined });
const on: RequestContext = { settings: parseSettings({ consistency: { enable: true } }), markdown: true };
const off: RequestContext = { settings: parseSettings({}), markdown: true };

const doc = (text: string, languageId = 'markdown') => TextDocument.create('file:///w/notes.md', languageId, 1, text);
const rangeOf = (d: Diagnostic | TextEdit): string => {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
};
const line = (n: number, from: number, to = from): Range => ({
  start: { line: n, character: from },
  end: { line: n, character: to },
});
const edits = (action: CodeAction | undefined, uri = 'file:///w/notes.md'): TextEdit[] =>
  action?.edit?.changes?.[uri] ?? [];

const NOTES = [
  'Dreambooth 训练了一晚，DreamBooth 的写法才对。',
  '`dreambooth` in code stays, and so does this:',
  '```sh',
  'accelerate launch train_dreambooth.py --dreambooth',
  '```',
  'A dreambooth run.',
].join('\n');

describe('discouraged spellings', () => {
  test('are reported in prose, code aside, when the check is on', () => {
    const diagnostics = service.diagnostics(doc(NOTES), on);
    expect(diagnostics.map((d) => [rangeOf(d), d.message, d.severity, d.code])).toEqual([
      ['0:0-0:10', 'Write "DreamBooth", the glossary\'s spelling, not "Dreambooth"', 3, 'discouraged-form'],
      ['5:2-5:12', 'Write "DreamBooth", the glossary\'s spelling, not "dreambooth"', 3, 'discouraged-form'],
    ]);
    expect(service.diagnostics(doc(NOTES), off)).toEqual([]);
    expect(service.diagnostics(doc('dreambooth_lr = 1e-6', 'toml'), on)).toEqual([]);
    expect(service.diagnostics(doc('a Dreambooth run', 'plaintext'), on)).toHaveLength(1);
    const warning = { settings: parseSettings({ consistency: { enable: true, severity: 'warning' } }), markdown: true };
    expect(service.diagnostics(doc('Dreambooth'), warning)[0]!.severity).toBe(2);
  });

  test('quick fixes write the preferred spelling here, or everywhere in the file', () => {
    const document = doc(NOTES);
    const all = service.diagnostics(document, on);
    const actions = service.codeActions(document, all[0]!.range, [all[0]!], on).filter((a) => a.kind === 'quickfix');
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ['Write "DreamBooth"', 'quickfix', true],
      ['Write "DreamBooth" everywhere in this file (2)', 'quickfix', false],
    ]);
    expect(edits(actions[0]).map((e) => [rangeOf(e), e.newText])).toEqual([['0:0-0:10', 'DreamBooth']]);
    expect(edits(actions[1]).map((e) => [rangeOf(e), e.newText])).toEqual([
      ['0:0-0:10', 'DreamBooth'],
      ['5:2-5:12', 'DreamBooth'],
    ]);
  });
});

describe('explain on first use', () => {
  const explain = (text: string, at: Range) =>
    service.codeActions(doc(text), at, [], off).find((a) => a.title.startsWith('Explain'));

  test('a Latin abbreviation gets its English name, a Chinese term the first clause of its summary', () => {
    const cfg = explain('The CFG is high.', line(0, 5));
    expect(cfg?.title).toBe('Explain on first use: CFG (Classifier Free Guidance Scale)');
    expect(edits(cfg).map((e) => [rangeOf(e), e.newText])).toEqual([['0:7-0:7', ' (Classifier Free Guidance Scale)']]);
    const overfit = explain('模型炸炉了', line(0, 2));
    expect(edits(overfit).map((e) => [rangeOf(e), e.newText])).toEqual([['0:4-0:4', '（训练过程中过度拟合）']]);
  });

  test('only at the first use, only where it is not explained already, only in markdown', () => {
    expect(explain('CFG, and CFG again', line(0, 10))).toBeUndefined();
    expect(explain('CFG (Classifier Free Guidance) is', line(0, 1))).toBeUndefined();
    expect(service.codeActions(doc('The CFG is', 'plaintext'), line(0, 5), [], off).map((a) => a.title)).toEqual([]);
  });
});

describe('add to the workspace glossary', () => {
  const existing = '## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n| 我们的词 | 团队用语 |\n';
  const add = (text: string, at: Range, target: { text: string | undefined; canCreate: boolean }) =>
    service
      .codeActions(doc(text), at, [], off, { uri: 'file:///w/sd-glossary.md', ...target })
      .find((a) => a.title.startsWith('Add'));

  test('appends a section that keeps the file valid, its definition the line the word is on', () => {
    const action = add('用 petals_v2 [触发](x) 出图。', line(0, 2, 11), { text: existing, canCreate: false });
    expect(action?.title).toBe('Add "petals_v2" to the workspace glossary');
    const [edit] = edits(action, 'file:///w/sd-glossary.md');
    const after = existing + edit!.newText;
    expect(edit!.range).toEqual(line(5, 0));
    const { glossary: built, issues } = parseGlossaryFile(after, '/w/sd-glossary.md');
    expect(issues).toEqual([]);
    const entry = built!.entries.find((e) => e.headword === 'petals_v2');
    expect(entry?.definition.text).toBe('用 petals_v2 [触发](x) 出图。（notes.md:1）');
  });

  test('creates the file when there is none and the client can; not otherwise', () => {
    const created = add('a newword here', line(0, 2, 9), { text: undefined, canCreate: true });
    expect(created?.edit?.documentChanges?.[0]).toEqual({
      kind: 'create',
      uri: 'file:///w/sd-glossary.md',
      options: { ignoreIfExists: true },
    });
    expect(add('a newword here', line(0, 2, 9), { text: undefined, canCreate: false })).toBeUndefined();
  });

  test('not for a word the glossary has, an empty or multi-line selection, or without a target', () => {
    expect(add('the CFG scale', line(0, 4, 7), { text: existing, canCreate: true })).toBeUndefined();
    expect(add('text', line(0, 1), { text: existing, canCreate: true })).toBeUndefined();
    expect(
      service.codeActions(doc('a\nb'), { start: { line: 0, character: 0 }, end: { line: 1, character: 1 } }, [], off, {
        uri: 'file:///w/sd-glossary.md',
        text: existing,
        canCreate: true,
      }),
    ).toEqual([]);
    expect(service.codeActions(doc('a newword here'), line(0, 2, 9), [], off)).toEqual([]);
  });
});
