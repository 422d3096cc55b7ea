/** The server over the protocol, in process: initialize, negotiation, settings, sync, errors. */
import { getEntry } from '@sd-glossary/data';
import { afterEach, describe, expect, test } from 'vitest';
import { EXPECTED_CAPABILITIES, MARKDOWN_CLIENT, startInProcess } from './client.js';

const URI = 'file:///w/notes.md';
let client: ReturnType<typeof startInProcess>;
afterEach(async () => client?.close());

const hover = (position: { line: number; character: number }, uri = URI) =>
  client.request<{ contents: { kind: string; value: string }; range: unknown } | null>('textDocument/hover', {
    textDocument: { uri },
    position,
  });

describe('initialize', () => {
  test('advertises every capability statically, without needing snippet support', async () => {
    client = startInProcess();
    expect(await client.initialize({})).toEqual({
      capabilities: EXPECTED_CAPABILITIES,
      serverInfo: { name: 'sd-glossary-lsp', version: 'test' },
    });
  });
});

describe('markup negotiation', () => {
  test('markdown when the client allows it', async () => {
    client = startInProcess();
    await client.initialize(MARKDOWN_CLIENT);
    client.open(URI, 'markdown', 'a VAE');
    expect((await hover({ line: 0, character: 3 }))?.contents.kind).toBe('markdown');
  });

  test('plain text otherwise', async () => {
    client = startInProcess();
    await client.initialize({ textDocument: { hover: { contentFormat: ['plaintext'] } } });
    client.open(URI, 'markdown', 'a VAE');
    const result = await hover({ line: 0, character: 3 });
    expect(result?.contents.kind).toBe('plaintext');
    expect(
      result?.contents.value.startsWith(
        'VAE (Variational autoencoders, 变分自编码器, Image Decoder, Autoencoder Decoder, variational autoencoder)\n\n',
      ),
    ).toBe(true);
  });
});

describe('settings', () => {
  test('sensible defaults with no settings at all (Neovim sends none)', async () => {
    client = startInProcess();
    await client.initialize({});
    client.open(URI, 'markdown', 'ENSD');
    expect((await hover({ line: 0, character: 1 }))?.contents.value).toContain(getEntry('ensd')!.definition.text);
  });

  test('pulled through workspace/configuration, and again on didChangeConfiguration', async () => {
    client = startInProcess();
    client.settings = { hover: { verbosity: 'summary' } };
    await client.initialize();
    client.open(URI, 'markdown', 'ENSD');
    // The pull happens after `initialized`; a round trip through the server orders us after it.
    await client.request('workspace/symbol', { query: 'x' });
    expect((await hover({ line: 0, character: 1 }))?.contents.value.split('\n\n')).toHaveLength(3);
    client.settings = { hover: { verbosity: 'full' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.request('workspace/symbol', { query: 'x' });
    expect((await hover({ line: 0, character: 1 }))?.contents.value).toContain('NovelAI 官方在此处使用 `31337`');
  });

  test('pushed in didChangeConfiguration', async () => {
    client = startInProcess();
    await client.initialize({});
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { sdGlossary: { enable: false } },
    });
    client.open(URI, 'markdown', 'VAE');
    expect(await hover({ line: 0, character: 1 })).toBeNull();
  });

  test('from initializationOptions', async () => {
    client = startInProcess();
    await client.initialize({}, { disabledLanguages: ['toml'] });
    client.open('file:///w/a.toml', 'toml', 'vae = 1');
    expect(await hover({ line: 0, character: 1 }, 'file:///w/a.toml')).toBeNull();
  });
});

describe('document sync', () => {
  test('incremental edits are applied before the next hover', async () => {
    client = startInProcess();
    await client.initialize();
    client.open(URI, 'markdown', 'first line\nthe VAE here');
    expect((await hover({ line: 1, character: 5 }))?.range).toEqual({
      start: { line: 1, character: 4 },
      end: { line: 1, character: 7 },
    });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 4 } }, text: 'CLIP ' }],
    });
    const after = await hover({ line: 1, character: 5 });
    expect(after?.range).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 8 } });
    expect(after?.contents.value.startsWith('**CLIP**')).toBe(true);
  });

  test('closed documents are unknown again', async () => {
    client = startInProcess();
    await client.initialize();
    client.open(URI, 'markdown', 'VAE');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    expect(await hover({ line: 0, character: 1 })).toBeNull();
  });
});

describe('bad input', () => {
  test('unknown documents give null', async () => {
    client = startInProcess();
    await client.initialize();
    expect(await hover({ line: 0, character: 0 }, 'file:///nowhere.md')).toBeNull();
    expect(
      await client.request('textDocument/completion', {
        textDocument: { uri: 'file:///nowhere.md' },
        position: { line: 0, character: 0 },
      }),
    ).toBeNull();
    expect(
      await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere.md' } }),
    ).toBeNull();
  });

  test('malformed params give InvalidParams, and the server keeps serving', async () => {
    client = startInProcess();
    await client.initialize();
    client.open(URI, 'markdown', 'VAE');
    await expect(
      client.request('textDocument/hover', { textDocument: {}, position: { line: 0 } }),
    ).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('textDocument/hover', null)).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('textDocument/definition', { textDocument: { uri: 5 } })).rejects.toMatchObject({
      code: -32602,
    });
    await expect(client.request('textDocument/documentSymbol', {})).rejects.toMatchObject({ code: -32602 });
    await expect(client.request('completionItem/resolve', 'x')).rejects.toMatchObject({ code: -32602 });
    expect((await hover({ line: 0, character: 1 }))?.contents.kind).toBe('markdown');
  });

  test('a binary document and a huge line are served', async () => {
    client = startInProcess();
    await client.initialize();
    const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 65536));
    client.open('file:///w/bin', 'plaintext', binary);
    await hover({ line: 0, character: 10 }, 'file:///w/bin');
    const line = 'word '.repeat(200_000) + 'VAE';
    client.open('file:///w/long.txt', 'plaintext', line);
    expect((await hover({ line: 0, character: line.length - 1 }, 'file:///w/long.txt'))?.range).toEqual({
      start: { line: 0, character: line.length - 3 },
      end: { line: 0, character: line.length },
    });
  });

  test('a document just under 10 M characters is served; positions inside a surrogate pair', async () => {
    client = startInProcess();
    await client.initialize();
    const big = `${'训练的模型炸炉了 with a CFG scale of 7\n'.repeat(330_000)}😀VAE`;
    expect(big.length).toBeGreaterThan(10_000_000);
    client.open('file:///w/big.md', 'markdown', big);
    expect((await hover({ line: 165_000, character: 6 }, 'file:///w/big.md'))?.range).toEqual({
      start: { line: 165_000, character: 5 },
      end: { line: 165_000, character: 7 },
    });
    // Character 1 is between the two halves of 😀: no term there, and no error.
    expect(await hover({ line: 330_000, character: 1 }, 'file:///w/big.md')).toBeNull();
    expect((await hover({ line: 330_000, character: 2 }, 'file:///w/big.md'))?.range).toEqual({
      start: { line: 330_000, character: 2 },
      end: { line: 330_000, character: 5 },
    });
  });

  test('a document over 10 M characters (a 20 MB file) is answered, not explained; the log says so', async () => {
    client = startInProcess();
    await client.initialize();
    const huge = '训练的模型炸炉了 with a CFG scale of 7\n'.repeat(500_000);
    client.open('file:///w/huge.md', 'markdown', huge);
    expect(await hover({ line: 250_000, character: 6 }, 'file:///w/huge.md')).toBeNull();
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///w/huge.md' } })).toEqual(
      [],
    );
    const logged = await client.notification<{ message: string }>('window/logMessage', (p) =>
      p.message.startsWith('file:///w/huge.md'),
    );
    expect(logged.message).toBe('file:///w/huge.md: 14.8 M characters; documents over 10 M are not explained');
    // Edits to it are not applied (nothing is kept), and the server goes on serving other documents.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 'file:///w/huge.md', version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'CFG ' }],
    });
    expect(await hover({ line: 0, character: 1 }, 'file:///w/huge.md')).toBeNull();
    client.open('file:///w/small.md', 'markdown', 'CFG');
    expect(await hover({ line: 0, character: 1 }, 'file:///w/small.md')).not.toBeNull();
  });

  test('a request cancelled while queued is answered with RequestCancelled', async () => {
    client = startInProcess();
    await client.initialize();
    client.open(URI, 'markdown', 'VAE');
    const { CancellationTokenSource } = await import('vscode-jsonrpc');
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(
      'textDocument/hover',
      { textDocument: { uri: URI }, position: { line: 0, character: 1 } },
      source.token,
    );
    source.cancel(); // the $/cancelRequest reaches the server with the request, before it runs
    await expect(pending).rejects.toMatchObject({ code: -32800 });
    expect((await hover({ line: 0, character: 1 }))?.contents.kind).toBe('markdown');
  });
});
