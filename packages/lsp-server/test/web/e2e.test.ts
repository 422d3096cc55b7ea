/**
 * The server's web worker (dist/browser.js) in headless Chromium, spoken to over postMessage as VS Code
 * for the Web speaks to it: hover and completion in a document of a virtual file system, and a
 * workspace glossary the page hands over when the worker asks (`sdGlossary/readFile`). Needs Chromium
 * (scripts/setup-vscode-e2e.sh installs it).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_CAPABILITIES, openWorkerPage } from './worker-page.mjs';

const FOLDER = 'vscode-vfs://github/example/docs';
const FILES = {
  [`${FOLDER}/sd-glossary.md`]: '## mytrigger\n\n我们的 LoRA 触发词。\n',
  // Outside the workspace folder: the worker never asks for it.
  'vscode-vfs://github/example/other/sd-glossary.md': '## elsewhere\n\n不该读到。\n',
};

let opened: Awaited<ReturnType<typeof openWorkerPage>>;
let page: Page;

const open = (uri: string, languageId: string, text: string): Promise<void> =>
  page.evaluate(
    (doc) =>
      (globalThis as unknown as PageApi).notify('textDocument/didOpen', { textDocument: { ...doc, version: 1 } }),
    {
      uri,
      languageId,
      text,
    },
  );
const hover = (uri: string, line: number, character: number): Promise<{ contents: { value: string } } | null> =>
  page.evaluate((params) => (globalThis as unknown as PageApi).request('textDocument/hover', params), {
    textDocument: { uri },
    position: { line, character },
  }) as Promise<{ contents: { value: string } } | null>;

/** What the page (worker-page.mjs) offers: its functions run in the browser, in `page.evaluate`. */
interface PageApi {
  start(files: Record<string, string>): void;
  request(method: string, params: unknown): Promise<unknown>;
  notify(method: string, params: unknown): void;
}

beforeAll(async () => {
  opened = await openWorkerPage();
  page = opened.page;
  await page.evaluate(
    async ({ files, capabilities, folder }) => {
      (globalThis as unknown as PageApi).start(files);
      await (globalThis as unknown as PageApi).request('initialize', {
        processId: null,
        rootUri: null,
        capabilities,
        workspaceFolders: [{ uri: folder, name: 'docs' }],
        initializationOptions: { workspaceGlossaries: true },
      });
      (globalThis as unknown as PageApi).notify('initialized', {});
    },
    { files: FILES, capabilities: CLIENT_CAPABILITIES, folder: FOLDER },
  );
}, 60_000);

afterAll(async () => {
  await opened?.close();
});

describe('the language server in a web worker', () => {
  test('hover in a Chinese markdown note of a virtual file system', async () => {
    const uri = `${FOLDER}/notes.md`;
    await open(uri, 'markdown', '用 db 训练时炸炉了');
    const result = await hover(uri, 0, 8);
    expect(result?.contents.value.split('\n')[0]).toBe('**炸炉**');
  });

  test('completion offers 炸炉 for zl', async () => {
    const uri = `${FOLDER}/prompt.txt`;
    await open(uri, 'sd-prompt', 'zl');
    const list = (await page.evaluate(
      (params) => (globalThis as unknown as PageApi).request('textDocument/completion', params),
      {
        textDocument: { uri },
        position: { line: 0, character: 2 },
      },
    )) as { items: Array<{ label: string }> };
    expect(list.items[0]?.label).toBe('炸炉');
  });

  test('prompt syntax in a prompt file', async () => {
    const uri = `${FOLDER}/style.prompt`;
    await open(uri, 'sd-prompt', 'masterpiece, <lora:detail:0.8>');
    expect((await hover(uri, 0, 20))?.contents.value.split('\n')[0]).toMatch(/^\*\*LoRA\*\*/);
  });

  test('a workspace glossary the page reads for the worker; none outside the folder', async () => {
    const uri = `${FOLDER}/readme.md`;
    await open(uri, 'markdown', 'use mytrigger and elsewhere');
    let value: string | undefined;
    for (let i = 0; i < 50 && !value; i++) {
      value = (await hover(uri, 0, 6))?.contents.value;
      if (!value) await page.waitForTimeout(100);
    }
    expect(value?.split('\n')[0]).toBe('**mytrigger**');
    expect(await hover(uri, 0, 20)).toBeNull();
  });
});
