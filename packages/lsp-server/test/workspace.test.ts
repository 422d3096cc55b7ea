/** Workspace glossaries: discovery, merge order, live reload, diagnostics, safety. In process; no sleeps. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { entries } from '@sd-glossary/data';
import { loadGlossary, type LoadGlossary } from '../src/workspace/load.js';
import { MARKDOWN_CLIENT, startInProcess } from './client.js';

type Hover = { contents: { value: string }; range: unknown } | null;
type Diagnostics = {
  uri: string;
  diagnostics: Array<{ range: { start: { line: number } }; message: string }>;
};

let dir: string;
let client: ReturnType<typeof startInProcess>;
const DOC = 'file:///w/prompt.txt';
const WATCHING = {
  ...MARKDOWN_CLIENT,
  workspace: { ...MARKDOWN_CLIENT.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-glossary-ws-'));
});
afterEach(async () => {
  await client?.close();
  rmSync(dir, { recursive: true, force: true });
});

const glossaryPath = () => join(dir, 'sd-glossary.md');
const glossaryUri = () => pathToFileURL(glossaryPath()).href;
const OURS =
  '## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n| mytrigger | 我们的 LoRA 触发词 |\n| CFG | 我们团队固定用 7 |\n';

async function start(text: string | undefined, init?: unknown): Promise<void> {
  if (text !== undefined) writeFileSync(glossaryPath(), text);
  client = startInProcess({ workspace: true });
  await client.initialize(WATCHING, init, pathToFileURL(dir).href);
  client.open(DOC, 'plaintext', 'mytrigger, CFG, VAE');
  // The glossaries load after `initialized`; diagnostics for each file say they did.
  if (text !== undefined && (init as { workspaceGlossaries?: boolean } | undefined)?.workspaceGlossaries !== false) {
    await client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === glossaryUri());
  }
}
const hover = (character: number) =>
  client.request<Hover>('textDocument/hover', { textDocument: { uri: DOC }, position: { line: 0, character } });

describe('workspace glossaries', () => {
  test('are found at the workspace root and explain their terms, saying where they come from', async () => {
    await start(OURS);
    const value = (await hover(3))!.contents.value;
    expect(value).toBe(`**mytrigger**\n\n我们的 LoRA 触发词\n\n— workspace glossary: ${glossaryPath()}:5`);
    expect(value).not.toContain('GFDL');
  });

  test('a workspace term that is also built in is shown first, the built-in one after it', async () => {
    await start(OURS);
    const parts = (await hover(12))!.contents.value.split('\n\n---\n\n');
    expect(parts.map((p) => p.split('\n')[0])).toEqual([
      '**CFG**',
      '**CFG** · Classifier Free Guidance Scale · CFG Scale · 提示词相关性 · 无分类指导规模 · ' +
        'Classifier Free Guidance · guidance\\_scale',
    ]);
    expect(parts[0]).toContain('我们团队固定用 7');
    expect(parts[1]).toContain('GFDL-1.3-or-later');
  });

  test('go to definition opens the user’s file at the term', async () => {
    await start(OURS);
    expect(
      await client.request('textDocument/definition', {
        textDocument: { uri: DOC },
        position: { line: 0, character: 3 },
      }),
    ).toEqual([{ uri: glossaryUri(), range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } } }]);
  });

  test('the built-in glossary can be turned off', async () => {
    await start(OURS, { builtin: false });
    expect(await hover(17)).toBeNull(); // VAE: built in only
    expect(await hover(3)).not.toBeNull();
  });

  test('an untrusted workspace (workspaceGlossaries: false) reads none', async () => {
    await start(OURS, { workspaceGlossaries: false });
    expect(await hover(3)).toBeNull();
  });

  test('live reload through watched files; errors are diagnostics; the last good version stays', async () => {
    await start(OURS);
    writeFileSync(glossaryPath(), OURS.replace('我们的 LoRA 触发词', '改过的说明'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: glossaryUri(), type: 2 }],
    });
    const clean = await client.notification<Diagnostics>(
      'textDocument/publishDiagnostics',
      (p) =>
        p.uri === glossaryUri() &&
        client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length >= 2,
    );
    expect(clean.diagnostics).toEqual([]);
    expect((await hover(3))!.contents.value).toContain('改过的说明');

    writeFileSync(glossaryPath(), `${OURS}| broken | row | extra |\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: glossaryUri(), type: 2 }],
    });
    const broken = await client.notification<Diagnostics>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === glossaryUri() && p.diagnostics.length > 0,
    );
    expect(broken.diagnostics).toEqual([
      expect.objectContaining({
        range: { start: { line: 6, character: 0 }, end: { line: 6, character: 24 } },
        message: 'table row has 3 cells; expected 2 (term | explanation)',
      }),
    ]);
    expect((await hover(3))!.contents.value).toContain('改过的说明'); // the last good version
  });

  test('after a change the new glossary is built at once, before a request asks for it; the log says so', async () => {
    const built = (n: number) =>
      client.notification<{ message: string }>(
        'window/logMessage',
        (p) => p.message.endsWith('terms, after a glossary changed') && logged().length >= n,
      );
    const logged = () =>
      client.notifications.filter(
        (n) =>
          n.method === 'window/logMessage' &&
          (n.params as { message: string }).message.endsWith('after a glossary changed'),
      );
    await start(OURS);
    const first = await built(1);
    expect(first.message).toBe(`sd-glossary-lsp: ${entries.length + 2} terms, after a glossary changed`);
    writeFileSync(glossaryPath(), `${OURS}| newterm | 新加的一行 |\n`);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: glossaryUri(), type: 2 }],
    });
    expect((await built(2)).message).toBe(`sd-glossary-lsp: ${entries.length + 3} terms, after a glossary changed`);
  });

  test('edits to an open glossary file apply as you type', async () => {
    await start(OURS);
    client.open(glossaryUri(), 'markdown', OURS);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: glossaryUri(), version: 2 },
      contentChanges: [
        { range: { start: { line: 4, character: 2 }, end: { line: 4, character: 11 } }, text: 'newterm' },
      ],
    });
    await client.notification<Diagnostics>(
      'textDocument/publishDiagnostics',
      (p) =>
        p.uri === glossaryUri() &&
        client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length >= 2,
    );
    expect(await hover(3)).toBeNull();
    client.open('file:///w/b.txt', 'plaintext', 'newterm');
    expect(
      (await client.request<Hover>('textDocument/hover', {
        textDocument: { uri: 'file:///w/b.txt' },
        position: { line: 0, character: 2 },
      }))!.contents.value,
    ).toContain('我们的 LoRA 触发词');
  });

  test('hostile definitions are cleaned: raw HTML dropped, command: links refused with a diagnostic', async () => {
    await start(
      '## evilterm\n\nOur term <script>alert(1)</script> <b onmouseover="steal()">bold</b> [ok](https://example.com)\n',
    );
    client.open('file:///w/c.txt', 'plaintext', 'evilterm');
    const value = (await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: 'file:///w/c.txt' },
      position: { line: 0, character: 2 },
    }))!.contents.value;
    expect(value.split('\n\n')[1]).toBe('Our term alert(1) bold [ok](https://example.com)');

    writeFileSync(glossaryPath(), '## evilterm\n\n[run](command:workbench.action.reloadWindow)\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: glossaryUri(), type: 2 }],
    });
    const d = await client.notification<Diagnostics>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === glossaryUri() && p.diagnostics.length > 0,
    );
    expect(d.diagnostics.map((x) => x.message)).toEqual([
      'link "run" points to "command:workbench.action.reloadWindow", which is not an http(s) URL',
    ]);
  });

  test('a glossary past the parser’s limits is refused with a diagnostic that says why', async () => {
    const page = (n: number) =>
      `## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n` +
      `${Array.from({ length: n }, (_, i) => `| t${i} | 第 ${i} 个 |`).join('\n')}\n`;
    await start(page(3_000));
    const d = await client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === glossaryUri());
    expect(d.diagnostics.map((x) => [x.range.start.line, x.message])).toEqual([
      [3003, 'the page has more than 3,000 entries (headings and table rows); glossary pages are read up to 3,000'],
    ]);
    expect(await hover(3)).toBeNull();
  });

  test('requests are answered while a glossary is being read', async () => {
    const waiting: Array<() => void> = [];
    let reading: () => void = () => {};
    const started = new Promise<void>((resolve) => (reading = resolve));
    const load: LoadGlossary = async (text, file, folders) => {
      reading();
      await new Promise<void>((resolve) => waiting.push(resolve));
      return loadGlossary(text, file, folders);
    };
    client = startInProcess({ workspace: true, load });
    writeFileSync(glossaryPath(), OURS);
    await client.initialize(WATCHING, undefined, pathToFileURL(dir).href);
    client.open(DOC, 'plaintext', 'mytrigger, CFG, VAE');
    await started;
    // The glossary is being read: the built-in terms answer, the workspace's are not there yet.
    expect(await hover(3)).toBeNull();
    expect((await hover(12))!.contents.value).not.toContain('我们团队固定用 7');
    for (const finish of waiting) finish();
    await client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === glossaryUri());
    expect((await hover(3))!.contents.value).toContain('我们的 LoRA 触发词');
  });

  test('Search Terms lists and describes workspace terms too (sdGlossary/terms, sdGlossary/describeTerm)', async () => {
    await start(OURS);
    const { items } = await client.request<{ items: Array<{ id: string; label: string }> }>('sdGlossary/terms', null);
    expect(items).toHaveLength(entries.length + 2);
    const ours = items.find((i) => i.label === 'mytrigger');
    expect(ours).toEqual({ id: 'ws1-mytrigger', label: 'mytrigger', description: '', detail: '我们的 LoRA 触发词' });
    expect(await client.request('sdGlossary/describeTerm', { id: 'ws1-mytrigger' })).toEqual({
      markdown: `**mytrigger**\n\n我们的 LoRA 触发词\n\n— workspace glossary: ${glossaryPath()}:5`,
    });
    expect(await client.request('sdGlossary/describeTerm', { id: 'nothing' })).toBeNull();
    await expect(client.request('sdGlossary/describeTerm', null)).rejects.toMatchObject({ code: -32602 });
  });

  test('JSON glossaries are sanitised on the tree: nested brackets, titles, references, translations', async () => {
    const rich = (markdown: string) => ({ markdown, text: 'x' });
    const entry = {
      id: 'jsonterm',
      headword: 'jsonterm',
      category: 'jargon',
      forms: [{ text: 'jsonterm', kind: 'headword', origin: 'page' }],
      summary: 'x',
      definition: rich(
        "[a [b] c](command:x) [t](command:foo 'title') [r][d] ![i](https://evil.example/p.png) " +
          'da<b>ta</b>:x [ok](https://ok.example/)\n\n[d]: javascript:alert(1)',
      ),
      links: [{ title: 'paren', url: 'https://ok.example/a)(command:x' }],
      seeAlso: [],
      sources: [{ file: 'g.md', line: 1, heading: 'h', anchor: 'h' }],
      translations: {
        en: { headword: 'jsonterm', summary: 'x', definition: rich('<img src=x onerror=alert(1)>[e](command:y) fine') },
      },
    };
    const document = { $schema: 'https://unpkg.com/@sd-glossary/data/schema.json', locale: 'und', entries: [entry] };
    writeFileSync(join(dir, 'sd-glossary.json'), JSON.stringify(document));
    client = startInProcess({ workspace: true });
    await client.initialize(WATCHING, { locale: 'both' }, pathToFileURL(dir).href);
    const jsonUri = pathToFileURL(join(dir, 'sd-glossary.json')).href;
    expect(await client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === jsonUri)).toEqual(
      {
        uri: jsonUri,
        diagnostics: [],
      },
    );
    client.open('file:///w/j.txt', 'plaintext', 'jsonterm');
    const value = (await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: 'file:///w/j.txt' },
      position: { line: 0, character: 2 },
    }))!.contents.value;
    expect(value.split('\n\n')).toEqual([
      '**jsonterm**',
      'a \\[b] c t r i data:x [ok](https://ok.example/)',
      '*English · translated by SD Glossary (en)*',
      'e fine',
      '[paren](https://ok.example/a%29%28command:x)',
      `— workspace glossary: g.md:1`,
    ]);
  });

  describe('the user’s own glossaries (userGlossaries, absolute paths)', () => {
    let home: string;
    beforeEach(() => {
      home = mkdtempSync(join(tmpdir(), 'sd-glossary-home-'));
      writeFileSync(
        join(home, 'my-terms.md'),
        '## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n| hometerm | 我自己的词 |\n',
      );
    });
    afterEach(() => rmSync(home, { recursive: true, force: true }));
    const userUri = () => pathToFileURL(join(home, 'my-terms.md')).href;
    const hoverOn = async (text: string) => {
      client.open('file:///w/u.txt', 'plaintext', text);
      return client.request<Hover>('textDocument/hover', {
        textDocument: { uri: 'file:///w/u.txt' },
        position: { line: 0, character: 1 },
      });
    };

    test('are read from outside the workspace, and hovers say they are the user’s', async () => {
      await start(OURS, { userGlossaries: [join(home, 'my-terms.md')] });
      await client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === userUri());
      expect((await hoverOn('hometerm'))!.contents.value).toBe(
        `**hometerm**\n\n我自己的词\n\n— user glossary: ${join(home, 'my-terms.md')}:5`,
      );
    });

    test('are read in an untrusted workspace, whose own glossaries are not', async () => {
      await start(OURS, { userGlossaries: [join(home, 'my-terms.md')], workspaceGlossaries: false });
      await client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === userUri());
      expect(await hoverOn('hometerm')).not.toBeNull();
      expect(await hover(3)).toBeNull();
    });

    test('an absolute path in glossaries (which a workspace may set) is not read, and the log says why', async () => {
      await start(OURS, { glossaries: [join(home, 'my-terms.md')] });
      expect(await hoverOn('hometerm')).toBeNull();
      const logged = await client.notification<{ message: string }>('window/logMessage', (p) =>
        p.message.startsWith('sdGlossary.glossaries'),
      );
      expect(logged.message).toBe(
        `sdGlossary.glossaries: "${join(home, 'my-terms.md')}" is not read, as it is outside the workspace; ` +
          'list it in sdGlossary.userGlossaries in your user settings',
      );
    });

    test('are watched: a relative pattern for clients that support one', async () => {
      const registrations: unknown[] = [];
      client = startInProcess({ workspace: true });
      client.connection.onRequest('client/registerCapability', (params: unknown) => {
        registrations.push(params);
        return null;
      });
      const caps = {
        ...WATCHING,
        workspace: {
          ...WATCHING.workspace,
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        },
      };
      await client.initialize(caps, { userGlossaries: [join(home, 'my-terms.md')] }, pathToFileURL(dir).href);
      await client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === userUri());
      expect(registrations).toEqual([
        {
          registrations: [
            {
              id: expect.any(String),
              method: 'workspace/didChangeWatchedFiles',
              registerOptions: {
                watchers: [
                  { globPattern: '**/{sd-glossary.md,.sd-glossary.md,sd-glossary.json}' },
                  { globPattern: { baseUri: pathToFileURL(home).href, pattern: 'my-terms.md' } },
                ],
              },
            },
          ],
        },
      ]);
    });
  });

  test('a binary file is a diagnostic, not a crash', async () => {
    await start('\u0000\u0001binary');
    const d = await client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === glossaryUri());
    expect(d.diagnostics.map((x) => x.message)).toEqual(['the file is binary, not a glossary']);
    expect((await hover(17))!.contents.value).toContain('VAE');
  });
});
