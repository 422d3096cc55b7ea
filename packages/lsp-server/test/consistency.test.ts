/**
 * A team's spelling over the protocol: a JSON workspace glossary says the preferred form and the
 * discouraged ones; diagnostics are pushed to clients that do not pull them and answered to those
 * that do, only once the setting turns them on; quick fixes and "Add to the workspace glossary" are
 * code actions whose edits the client applies.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MARKDOWN_CLIENT, startInProcess } from './client.js';

type Diagnostics = { uri: string; diagnostics: Array<{ message: string; range: unknown; code?: unknown }> };
type Action = {
  title: string;
  edit?: { changes?: Record<string, Array<{ newText: string }>>; documentChanges?: unknown[] };
};

let dir: string;
let client: ReturnType<typeof startInProcess>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-glossary-consistency-'));
  const entry = {
    id: 'petals',
    headword: 'Petals',
    category: 'jargon',
    forms: [{ text: 'Petals', kind: 'headword', origin: 'page' }],
    summary: '我们的花瓣 LoRA',
    definition: { markdown: '我们的花瓣 LoRA', text: '我们的花瓣 LoRA' },
    links: [],
    seeAlso: [],
    sources: [{ file: 'sd-glossary.json', line: 1, heading: 'Petals', anchor: 'petals' }],
    preferred: 'Petals',
    discouraged: ['petals', 'PETALS'],
  };
  writeFileSync(
    join(dir, 'sd-glossary.json'),
    JSON.stringify({ $schema: 'https://unpkg.com/@sd-glossary/data/schema.json', locale: 'zh-CN', entries: [entry] }),
  );
});
afterEach(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The note, in the workspace folder. */
const note = (): string => pathToFileURL(join(dir, 'notes.md')).href;
const TEXT = '用 petals 出图，`petals` 是文件名。\nPETALS 再来一次。';

async function start(capabilities: object, settings: unknown) {
  client = startInProcess({ workspace: true });
  client.settings = settings;
  await client.initialize({ ...MARKDOWN_CLIENT, ...capabilities }, undefined, pathToFileURL(dir).href);
  const json = pathToFileURL(join(dir, 'sd-glossary.json')).href;
  const read = await client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === json);
  expect(read.diagnostics).toEqual([]);
  client.open(note(), 'markdown', TEXT);
}

const MESSAGES = [
  'Write "Petals", the glossary\'s spelling, not "petals"',
  'Write "Petals", the glossary\'s spelling, not "PETALS"',
];

describe('discouraged spellings over the protocol', () => {
  test('pushed to a client that does not pull, once the setting is on; the code span is left alone', async () => {
    await start({}, { consistency: { enable: true } });
    const pushed = await client.notification<Diagnostics>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === note() && p.diagnostics.length > 0,
    );
    const diagnostic = (line: number, from: number, message: string) => ({
      range: { start: { line, character: from }, end: { line, character: from + 6 } },
      severity: 3,
      source: 'sd-glossary',
      code: 'discouraged-form',
      message,
      data: { preferred: 'Petals' },
    });
    expect(pushed).toEqual({
      uri: note(),
      diagnostics: [diagnostic(0, 2, MESSAGES[0]!), diagnostic(1, 0, MESSAGES[1]!)],
    });
    // Turned off: cleared.
    client.settings = { consistency: { enable: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.notification<Diagnostics>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === note() && p.diagnostics.length === 0,
    );
  });

  test('answered to a client that pulls (textDocument/diagnostic), and nothing pushed', async () => {
    await start(
      { textDocument: { ...MARKDOWN_CLIENT.textDocument, diagnostic: {} } },
      { consistency: { enable: true } },
    );
    const report = await client.request<{ kind: string; items: Diagnostics['diagnostics'] }>(
      'textDocument/diagnostic',
      {
        textDocument: { uri: note() },
      },
    );
    expect([report.kind, report.items.map((d) => d.message)]).toEqual(['full', MESSAGES]);
    expect(client.notifications.filter((n) => (n.params as { uri?: string }).uri === note())).toEqual([]);
  });

  test('off by default: nothing pushed, nothing answered', async () => {
    await start({ textDocument: { ...MARKDOWN_CLIENT.textDocument, diagnostic: {} } }, null);
    const report = await client.request<{ items: unknown[] }>('textDocument/diagnostic', {
      textDocument: { uri: note() },
    });
    expect(report.items).toEqual([]);
  });

  test('quick fixes, and "Add to the workspace glossary", as code actions', async () => {
    await start({}, { consistency: { enable: true } });
    const pushed = await client.notification<Diagnostics>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === note() && p.diagnostics.length > 0,
    );
    const first = pushed.diagnostics[0]!;
    const fixes = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri: note() },
      range: first.range,
      context: { diagnostics: [first] },
    });
    expect(fixes.map((a) => a.title)).toContain('Write "Petals" everywhere in this file (2)');
    expect(fixes[0]!.edit!.changes![note()]!.map((e) => e.newText)).toEqual(['Petals']);

    const add = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri: note() },
      range: { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } },
      context: { diagnostics: [] },
    });
    // No markdown glossary yet, and this client cannot create files: nothing to add to.
    expect(add.map((a) => a.title)).toEqual([]);
  });

  test('"Add to the workspace glossary" creates sd-glossary.md for a client that can create files', async () => {
    await start(
      {
        workspace: {
          ...MARKDOWN_CLIENT.workspace,
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        },
      },
      null,
    );
    const [add] = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri: note() },
      range: { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } },
      context: { diagnostics: [] },
    });
    const uri = pathToFileURL(join(dir, 'sd-glossary.md')).href;
    expect(add!.title).toBe('Add "再来" to the workspace glossary');
    expect(add!.edit!.documentChanges).toEqual([
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      {
        textDocument: { uri, version: null },
        edits: [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            newText: '## 再来\n\nPETALS 再来一次。（notes\\.md\\:2）\n',
          },
        ],
      },
    ]);
  });
});
