/**
 * End to end: the built bin over stdio, as an editor runs it. Exact payloads. Needs `pnpm build`
 * (the root `test` script runs it first).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getEntry } from '@sd-glossary/data';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';
import { BIN, EXPECTED_CAPABILITIES, spawnStdio } from './client.js';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as {
  version: string;
};
const SOURCE_URI = pathToFileURL(
  fileURLToPath(new URL('../../glossary-data/source/glossary.zh-CN.md', import.meta.url)),
).href;
const DOC = 'file:///w/config.toml';
const TEXT = '[training]\ntrain_batch_size = 4 # 炸炉了\nvae = "sd-vae-ft-mse"\ncf\nc';

describe('sd-glossary-lsp --stdio', () => {
  let client: ReturnType<typeof spawnStdio>;
  beforeAll(async () => {
    if (!existsSync(fileURLToPath(new URL('../dist/main.cjs', import.meta.url))))
      throw new Error('dist/ is missing: run `pnpm build` first');
    client = spawnStdio();
    client.settings = { completion: { maxItems: 3 } };
  });
  afterAll(async () => {
    if (!client) return;
    await client.close();
    expect(await client.exited).toBe(0);
  });

  test('initialize', async () => {
    expect(
      await client.initialize({
        textDocument: {
          hover: { contentFormat: ['markdown'] },
          completion: { completionItem: { documentationFormat: ['markdown'] } },
        },
        workspace: { configuration: true },
      }),
    ).toEqual({
      capabilities: EXPECTED_CAPABILITIES,
      serverInfo: { name: 'sd-glossary-lsp', version: pkg.version },
    });
    client.open(DOC, 'toml', TEXT);
  });

  test('hover', async () => {
    const hover = await client.request('textDocument/hover', {
      textDocument: { uri: DOC },
      position: { line: 1, character: 24 },
    });
    expect(hover).toEqual({
      contents: {
        kind: 'markdown',
        value: [
          '**炸炉**',
          getEntry('overtrained')!.definition.markdown,
          '— [黑话 › 炸炉](https://guide.novelai.dev/advanced/glossary#%E9%BB%91%E8%AF%9D)' +
            ' · GFDL-1.3-or-later · © 2022 StableDiffusionBook',
        ].join('\n\n'),
      },
      range: { start: { line: 1, character: 23 }, end: { line: 1, character: 25 } },
    });
  });

  test('completion and resolve, with the pulled maxItems setting', async () => {
    const list = await client.request<{ isIncomplete: boolean; items: Array<Record<string, unknown>> }>(
      'textDocument/completion',
      {
        textDocument: { uri: DOC },
        position: { line: 3, character: 2 },
        context: { triggerKind: 1 },
      },
    );
    const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } };
    expect(list).toEqual({
      isIncomplete: true,
      items: [
        {
          label: 'CFG',
          kind: 14,
          detail: getEntry('cfg')!.summary,
          filterText: 'cf',
          sortText: '0000',
          textEdit: { range, newText: 'CFG' },
          data: { id: 'cfg' },
        },
        // CFG++ by its ComfyUI name.
        {
          label: 'cfg_pp',
          kind: 14,
          detail: getEntry('cfg-pp')!.summary,
          labelDetails: { description: getEntry('cfg-pp')!.headword },
          filterText: 'cf',
          sortText: '0001',
          textEdit: { range, newText: 'cfg_pp' },
          data: { id: 'cfg-pp' },
        },
        // 触发词 by its pinyin initials, cfc.
        {
          label: '触发词',
          kind: 14,
          detail: getEntry('trigger-word')!.summary,
          filterText: 'cf',
          sortText: '0002',
          textEdit: { range, newText: '触发词' },
          data: { id: 'trigger-word' },
        },
      ],
    });
    const capped = await client.request<{ items: unknown[] }>('textDocument/completion', {
      textDocument: { uri: DOC },
      position: { line: 4, character: 1 },
      context: { triggerKind: 1 },
    });
    expect(capped.items).toHaveLength(3);
    const resolved = await client.request<{ documentation: { kind: string; value: string } }>(
      'completionItem/resolve',
      list.items[0],
    );
    expect(resolved.documentation.kind).toBe('markdown');
    expect(
      resolved.documentation.value.startsWith(
        '**CFG** · Classifier Free Guidance Scale · CFG Scale · 提示词相关性 · 无分类指导规模 · ' +
          'Classifier Free Guidance · guidance\\_scale\n\n',
      ),
    ).toBe(true);
  });

  test('definition', async () => {
    expect(
      await client.request('textDocument/definition', {
        textDocument: { uri: DOC },
        position: { line: 2, character: 10 },
      }),
    ).toEqual([
      {
        uri: SOURCE_URI,
        range: {
          start: { line: getEntry('vae')!.sources[0].line - 1, character: 0 },
          end: { line: getEntry('vae')!.sources[0].line - 1, character: 0 },
        },
      },
    ]);
  });

  test('document symbols', async () => {
    const symbols = await client.request<Array<{ name: string; children: Array<{ name: string }> }>>(
      'textDocument/documentSymbol',
      { textDocument: { uri: DOC } },
    );
    expect(symbols.map((s) => [s.name, s.children.map((c) => c.name)])).toEqual([
      ['Batch size', ['batch_size']],
      ['炸炉', ['炸炉']],
      ['VAE', ['vae', 'vae']],
    ]);
  });

  test('workspace symbols', async () => {
    expect(await client.request('workspace/symbol', { query: 'zhal' })).toEqual([
      {
        name: '炸炉',
        kind: 20,
        containerName: getEntry('overtrained')!.summary,
        location: { uri: SOURCE_URI, range: { start: { line: 28, character: 0 }, end: { line: 28, character: 0 } } },
      },
    ]);
  });

  test('configuration change applies to the next request', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { sdGlossary: { hover: { verbosity: 'summary' } } },
    });
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: DOC },
      position: { line: 2, character: 10 },
    });
    expect(hover.contents.value).toBe(
      [
        '**VAE** · Variational autoencoders · 变分自编码器 · Image Decoder · Autoencoder Decoder · variational autoencoder',
        getEntry('vae')!.summary,
        '— [VAE](https://guide.novelai.dev/advanced/glossary#vae) · GFDL-1.3-or-later · © 2022 StableDiffusionBook',
      ].join('\n\n'),
    );
  });
});

describe('languages over stdio', () => {
  const hoverOf = async (client: ReturnType<typeof spawnStdio>): Promise<string> => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: DOC },
      position: { line: 1, character: 24 },
    });
    return hover.contents.value;
  };
  const zh = getEntry('overtrained')!;
  const en = zh.translations!['en']!;
  const source =
    '— [黑话 › 炸炉](https://guide.novelai.dev/advanced/glossary#%E9%BB%91%E8%AF%9D)' +
    ' · GFDL-1.3-or-later · © 2022 StableDiffusionBook';

  test('locale "en", then "zh-CN", set through didChangeConfiguration', async () => {
    const client = spawnStdio();
    try {
      await client.initialize({ textDocument: { hover: { contentFormat: ['markdown'] } } });
      client.open(DOC, 'toml', TEXT);
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { sdGlossary: { locale: 'en' } },
      });
      expect(await hoverOf(client)).toBe(
        [
          '**Overfitted training run** · 炸炉',
          '*English · translated by SD Glossary (en)*',
          en.definition.markdown,
          source,
        ].join('\n\n'),
      );
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { sdGlossary: { locale: 'zh-CN' } },
      });
      expect(await hoverOf(client)).toBe(['**炸炉**', zh.definition.markdown, source].join('\n\n'));
    } finally {
      await client.close();
    }
  });

  test('locale "auto" (the default) follows the client’s locale: English first, the original below', async () => {
    const client = spawnStdio();
    try {
      await client.connection.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        locale: 'en',
        capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } },
      });
      await client.connection.sendNotification('initialized', {});
      client.open(DOC, 'toml', TEXT);
      expect(await hoverOf(client)).toBe(
        [
          '**Overfitted training run** · 炸炉',
          '*English · translated by SD Glossary (en)*',
          en.definition.markdown,
          '*原文 · original (zh-CN)*',
          zh.definition.markdown,
          source,
        ].join('\n\n'),
      );
    } finally {
      await client.close();
    }
  });
});

describe('a workspace glossary over stdio', () => {
  test('found in a temporary workspace, explained, and its problems published', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-glossary-stdio-ws-'));
    writeFileSync(join(dir, 'sd-glossary.json'), '{"$schema": "x", "locale": "en", "entries": [], "extra": true}');
    writeFileSync(
      join(dir, 'sd-glossary.md'),
      '## 黑话\n\n| 术语 | 解释 |\n| --- | --- |\n| petals | 我们的花瓣 LoRA 的触发词 |\n',
    );
    const client = spawnStdio();
    try {
      const published = client.notification<{ uri: string; diagnostics: Array<{ message: string; range: unknown }> }>(
        'textDocument/publishDiagnostics',
        (p) => p.uri.endsWith('/sd-glossary.json'),
      );
      await client.initialize(
        { textDocument: { hover: { contentFormat: ['markdown'] } } },
        undefined,
        pathToFileURL(dir).href,
      );
      expect((await published).diagnostics).toEqual([
        expect.objectContaining({
          message: 'schema: (top level): unknown property "extra"',
          range: { start: { line: 0, character: 48 }, end: { line: 0, character: 62 } },
          severity: 1,
          source: 'sd-glossary',
        }),
      ]);
      await client.notification('textDocument/publishDiagnostics', (p: { uri: string }) =>
        p.uri.endsWith('/sd-glossary.md'),
      );
      client.open('file:///w/p.prompt', 'sd-prompt', '<lora:petals:0.8>');
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri: 'file:///w/p.prompt' },
        position: { line: 0, character: 8 },
      });
      expect(hover.contents.value).toBe(
        `**petals**\n\n我们的花瓣 LoRA 的触发词\n\n— workspace glossary: ${join(dir, 'sd-glossary.md')}:5`,
      );
    } finally {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('start-up', () => {
  test('answers initialize before it loads the glossary, which it then loads for the first request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sd-glossary-start-'));
    const hook = join(dir, 'tell.cjs');
    // Preloaded into the server: says on stderr when the server requires the data package.
    writeFileSync(
      hook,
      `const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === '@sd-glossary/data') process.stderr.write('required @sd-glossary/data\\n');
  return load.call(this, request, ...rest);
};`,
    );
    const child = spawn(process.execPath, ['--require', hook, BIN, '--stdio'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      expect(stderr).toBe('');
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: DOC, languageId: 'toml', version: 1, text: TEXT },
      });
      const hover = await connection.sendRequest('textDocument/hover', {
        textDocument: { uri: DOC },
        position: { line: 1, character: 24 },
      });
      expect(hover).not.toBeNull();
      await vi.waitFor(() => expect(stderr).toBe('required @sd-glossary/data\n'));
      await connection.sendRequest('shutdown', null);
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the end of a session', () => {
  test('an editor that goes away without shutdown (stdin closed) ends the server, with exit code 1', async () => {
    const client = spawnStdio();
    await client.initialize({});
    client.child.stdin!.end();
    expect(await client.exited).toBe(1);
    client.connection.dispose();
  });
});

describe('input the server cannot read', () => {
  test('is skipped, and the next request is answered', async () => {
    const child = spawn(process.execPath, [BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    const garbage = '{"jsonrpc": oops}';
    child.stdin!.write(`Content-Length: ${garbage.length}\r\n\r\n${garbage}`);
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    connection.listen();
    const result = await connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(result).toMatchObject({ serverInfo: { name: 'sd-glossary-lsp', version: pkg.version } });
    await connection.sendRequest('shutdown', null);
    await connection.sendNotification('exit');
    expect(await closed).toBe(0);
    connection.dispose();
    // vscode-jsonrpc drops a body it cannot parse without a word.
    expect(stderr).toBe('');
  });
});

describe('the bin outside a session', () => {
  test('--version and --help print and exit 0', () => {
    const pkgVersion = pkg.version;
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' })).toBe(`${pkgVersion}\n`);
    const help = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(help).toContain('Usage: sd-glossary-lsp --stdio | --node-ipc | --socket=<port> | --pipe=<name>');
    // Every setting is named, spelled as a client writes it.
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, v]) =>
        v !== null && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    for (const key of keys(DEFAULT_SETTINGS)) expect(help, key).toContain(key);
  });

  // Anything on stderr at a start (a runtime's warning) shows as an error in editors. Node 24 is
  // the one the VS Code tests run on, and it has the compile cache the bin turns on.
  const e2eTools = fileURLToPath(new URL('../../../.tools/vscode-e2e.env', import.meta.url));
  const node24 = existsSync(e2eTools) ? /^VSCODE_E2E_NODE=(.+)$/m.exec(readFileSync(e2eTools, 'utf8'))?.[1] : undefined;
  test.each([
    ['this Node', process.execPath],
    ['Node 24', node24],
  ])('starts without a word on stderr (%s)', (_name, node) => {
    if (node === undefined) throw new Error('no Node 24: run scripts/setup-vscode-e2e.sh (pnpm test does)');
    const run = spawnSync(node, [BIN, '--version'], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
  });

  test('without a transport it explains and exits 2', () => {
    expect(() => execFileSync(process.execPath, [BIN], { encoding: 'utf8', stdio: 'pipe' })).toThrow(
      expect.objectContaining({ status: 2 }),
    );
  });
});
