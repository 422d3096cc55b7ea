/**
 * What a hostile file or a careless client sends, through the real bin over stdio: the server keeps
 * serving, reads nothing it may not, and keeps its memory bounded. Each test is named for the
 * guarantee, not the trick. Needs `pnpm build`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MARKDOWN_CLIENT, spawnStdio } from './client.js';

type Hover = { contents: { value: string } } | null;

let dir: string;
let outside: string;
let client: ReturnType<typeof spawnStdio> | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sd-glossary-hostile-'));
  outside = mkdtempSync(join(tmpdir(), 'sd-glossary-outside-'));
});
afterEach(async () => {
  if (client) {
    await client.close();
    expect(await client.exited).toBe(0);
  }
  client = undefined;
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const GLOSSARY = '## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n| secretterm | 工作区外的词 |\n';

/** Starts the bin on a workspace folder and returns a function that hovers a word in a fresh document. */
async function startOn(folder: string, started?: ReturnType<typeof spawnStdio>) {
  client = started ?? spawnStdio();
  const c = client;
  await c.initialize(MARKDOWN_CLIENT, undefined, pathToFileURL(folder).href);
  let n = 0;
  return async (word: string): Promise<Hover> => {
    const uri = `file:///w/probe-${++n}.txt`;
    c.open(uri, 'plaintext', word);
    return c.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
  };
}

/** Peak resident memory of the server process, in MB. */
function peakRss(pid: number): number {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/** Resolves with the server's log line that mentions `text`. */
function logged(text: string): Promise<{ message: string }> {
  return client!.notification<{ message: string }>('window/logMessage', (p) => p.message.includes(text));
}

describe('glossary discovery reads only regular files inside the workspace', () => {
  test('a link that leads out of the workspace is not followed', async () => {
    writeFileSync(join(outside, 'terms.md'), GLOSSARY);
    symlinkSync(join(outside, 'terms.md'), join(dir, 'sd-glossary.md'));
    const hover = await startOn(dir);
    expect((await logged('sd-glossary.md is not read')).message).toBe(
      `${join(dir, 'sd-glossary.md')} is not read: it leads to ${join(outside, 'terms.md')}, outside the workspace`,
    );
    expect(await hover('secretterm')).toBeNull();
    expect(await hover('CFG')).not.toBeNull();
  });

  test('a link to the server’s own standard input is not read (its protocol stream stays whole)', async () => {
    symlinkSync('/proc/self/fd/0', join(dir, 'sd-glossary.md'));
    const hover = await startOn(dir);
    for (let i = 0; i < 20; i++) expect(await hover('CFG')).not.toBeNull();
  });

  test('a FIFO named sd-glossary.md does not stall discovery, and the server still exits', async () => {
    execFileSync('mkfifo', [join(dir, 'sd-glossary.md')]);
    const hover = await startOn(dir);
    expect((await logged('sd-glossary.md is not read')).message).toMatch(/it is not a regular file$/);
    expect(await hover('CFG')).not.toBeNull();
  });

  test('an untrusted workspace reads none of its files, whatever watched-file events name', async () => {
    writeFileSync(join(dir, 'sd-glossary.md'), GLOSSARY);
    client = spawnStdio();
    const c = client;
    await c.initialize(MARKDOWN_CLIENT, { workspaceGlossaries: false }, pathToFileURL(dir).href);
    for (const path of [join(dir, 'sd-glossary.md'), '/etc/passwd', '/proc/self/fd/0']) {
      await c.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: pathToFileURL(path).href, type: 1 }],
      });
    }
    c.open('file:///w/probe.txt', 'plaintext', 'secretterm CFG');
    const at = (character: number) =>
      c.request<Hover>('textDocument/hover', {
        textDocument: { uri: 'file:///w/probe.txt' },
        position: { line: 0, character },
      });
    expect(await at(1)).toBeNull();
    expect(await at(12)).not.toBeNull();
    expect(c.notifications.filter((n) => n.method !== 'window/logMessage')).toEqual([]);
    expect(JSON.stringify(c.notifications)).not.toMatch(/is not read|passwd|sd-glossary\.md/);
  });

  test('a device or a huge sparse file costs no memory: refused before it is read', async () => {
    mkdirSync(join(dir, 'b'));
    symlinkSync('/dev/zero', join(dir, 'sd-glossary.md'));
    writeFileSync(join(dir, 'b', 'sd-glossary.md'), '');
    truncateSync(join(dir, 'b', 'sd-glossary.md'), 1024 ** 3);
    client = spawnStdio();
    await client.initialize(MARKDOWN_CLIENT, { glossaries: ['b/sd-glossary.md'] }, pathToFileURL(dir).href);
    await logged(`${join(dir, 'sd-glossary.md')} is not read`);
    expect((await logged(`${join(dir, 'b', 'sd-glossary.md')} is not read`)).message).toMatch(
      /it has 1024 MB; glossaries are read up to 12 MB$/,
    );
    expect(peakRss(client.child.pid!)).toBeLessThan(150);
  });
});

describe('no glossary file takes the server down or reaches a hover unsanitised', () => {
  type Diagnostics = { uri: string; diagnostics: Array<{ message: string }> };
  /** Starts the bin on a folder holding one glossary file and resolves with that file's diagnostics. */
  async function startWith(name: string, text: string) {
    writeFileSync(join(dir, name), text);
    const uri = pathToFileURL(join(dir, name)).href;
    client = spawnStdio();
    const published = client.notification<Diagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    const hover = await startOn(dir, client);
    return { hover, messages: (await published).diagnostics.map((d) => d.message) };
  }

  // Each took seconds, hundreds of megabytes or a crash before: now an issue where the limit is passed.
  test.each([
    ['quotes nested 20 000 deep', `## a\n\n${'>'.repeat(20_000)} x\n`, 'quotes, lists or emphasis nested deeper'],
    ['lists nested 10 000 deep', `## a\n\n${'- '.repeat(10_000)}x\n`, 'quotes, lists or emphasis nested deeper'],
    ['12 KB of nested emphasis', `## a\n\n${'*a _'.repeat(1500)}x${'_ a*'.repeat(1500)}\n`, 'pieces of markup'],
    [
      'a 30 000-column table',
      `## 黑话\n\n|${' x |'.repeat(30_000)}\n|${' - |'.repeat(30_000)}\n`,
      '30,000 table cells',
    ],
    ['a 160 KB definition', `## a\n\n${'[a](https://e.com) *b* '.repeat(7_000)}\n`, 'the text of this section'],
    ['a 1.2 MB file', `## a\n\n${'word '.repeat(240_000)}\n`, 'the page has 1,200,007 characters'],
  ])('%s: a diagnostic, and the server answers within 200 MB', async (_, page, message) => {
    const { hover, messages } = await startWith('sd-glossary.md', page);
    expect(messages[0]).toContain(message);
    expect(await hover('CFG')).not.toBeNull();
    expect(peakRss(client!.child.pid!)).toBeLessThan(200);
  });

  test('a valid glossary’s HTML, images and links that are not http(s) never reach a hover', async () => {
    const definition =
      'x <img src="https://evil.example/a.png"> ![i](https://evil.example/b.png) ' +
      '<b onmouseover="steal()">b</b> [r][ref] [ok](https://example.com)';
    const { hover, messages } = await startWith(
      'sd-glossary.md',
      `## evilterm\n\n${definition}\n\n[ref]: file:///etc/passwd\n`,
    );
    expect(messages).toEqual([]);
    const value = (await hover('evilterm'))!.contents.value;
    expect(value).toContain('[ok](https://example.com)');
    expect(value).not.toMatch(/(?<!\\)<|!\[/);
    const destinations = [...value.matchAll(/\]\(([^)\s]*)/g)].map((m) => m[1]);
    expect(destinations.every((url) => /^https?:/.test(url!))).toBe(true);
  });
});

describe('large documents cost bounded memory and answers', () => {
  test('5 MB TOML: symbols capped at 5 000 uses; a 5 MB line edited: hovers answered; under 200 MB', async () => {
    const hover = await startOn(dir);
    const c = client!;
    const toml = 'cfg_scale = 7\nsampler = "Euler a"\nclip_skip = 2\n'.repeat(120_000);
    expect(toml.length).toBeGreaterThan(5_000_000);
    c.open('file:///w/big.toml', 'toml', toml);
    const symbols = await c.request<Array<{ children?: unknown[] }>>('textDocument/documentSymbol', {
      textDocument: { uri: 'file:///w/big.toml' },
    });
    expect(symbols.flatMap((s) => s.children ?? [])).toHaveLength(5_000);
    const line = `${'word '.repeat(1_000_000)}VAE`;
    c.open('file:///w/line.txt', 'plaintext', line);
    for (let version = 2; version < 22; version++) {
      await c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: 'file:///w/line.txt', version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
      const answer = await c.request<Hover>('textDocument/hover', {
        textDocument: { uri: 'file:///w/line.txt' },
        position: { line: 0, character: line.length + version - 2 },
      });
      expect(answer!.contents.value).toContain('**VAE**');
    }
    expect(await hover('CFG')).not.toBeNull();
    expect(peakRss(c.child.pid!)).toBeLessThan(200);
  });
});

describe('no client URI takes the server down', () => {
  test('file URIs that name no local path, in a document, a watched-file event and a workspace folder', async () => {
    client = spawnStdio();
    const c = client;
    const strange = ['file://host/share/x.md', 'file:///dir/a%2Fb.md', 'file:///sd-glossary.md%00', 'untitled:1'];
    await c.connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: MARKDOWN_CLIENT,
      workspaceFolders: [
        { uri: 'file://host/share', name: 'unc' },
        { uri: pathToFileURL(dir).href, name: 'ok' },
      ],
    });
    await c.connection.sendNotification('initialized', {});
    for (const uri of strange) {
      c.open(uri, 'markdown', 'CFG');
      await c.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await c.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: 'VAE' }],
      });
      const hover = await c.request<Hover>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 1 },
      });
      expect(hover!.contents.value.split('\n')[0]).toContain('**VAE**');
    }
  });
});

describe('the protocol’s rules hold for any order of messages', () => {
  test('before initialize -32002, malformed params -32602, after shutdown -32600; then exit 0', async () => {
    client = spawnStdio();
    const c = client;
    const code = (method: string, params: unknown) =>
      c.connection.sendRequest(method, params).then(
        () => 'answered',
        (error: { code: number }) => error.code,
      );
    expect(
      await code('textDocument/hover', { textDocument: { uri: 'file:///a' }, position: { line: 0, character: 0 } }),
    ).toBe(-32002);
    await c.initialize(MARKDOWN_CLIENT);
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition']) {
      expect([method, await code(method, null)]).toEqual([method, -32602]);
    }
    expect(await code('textDocument/documentSymbol', null)).toBe(-32602);
    expect(await code('sdGlossary/describeTerm', null)).toBe(-32602);
    await c.request('shutdown', null);
    expect(
      await code('textDocument/hover', { textDocument: { uri: 'file:///a' }, position: { line: 0, character: 0 } }),
    ).toBe(-32600);
    await c.connection.sendNotification('exit');
    expect(await c.exited).toBe(0);
    c.connection.dispose();
    client = undefined;
  });
});
