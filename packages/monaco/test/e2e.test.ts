/**
 * The adapter in a real Monaco editor (monaco-editor from npm, its AMD build) in headless Chromium,
 * as an SD web UI would load it: hovering 炸炉 and CFG in a prompt shows their definitions, typing
 * `zl` offers 炸炉. The adapter is bundled for the browser first: a Node built-in anywhere in it
 * fails that build. Needs Chromium (scripts/setup-vscode-e2e.sh installs it); screenshots go to
 * reports/monaco-e2e/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEntry } from '@sd-glossary/data';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../../reports/monaco-e2e/', import.meta.url));
const MONACO = join(dirname(createRequire(import.meta.url).resolve('monaco-editor/package.json')), 'min');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const PAGE = `<!doctype html>
<meta charset="utf-8">
<div id="editor" style="width: 900px; height: 260px; border: 1px solid #ccc"></div>
<script src="/monaco/vs/loader.js"></script>
<script src="/adapter.js"></script>
<script>
  require.config({ paths: { vs: '/monaco/vs' } });
  require(['vs/editor/editor.main'], (monaco) => {
    SdGlossaryMonaco.registerSdGlossary(monaco, { locale: 'zh-CN' });
    window.editor = monaco.editor.create(document.getElementById('editor'), {
      value: 'masterpiece, 炸炉, (CFG scale:7), <lora:petals:0.8>\\n',
      language: 'sd-prompt',
      hover: { delay: 0 },
      quickSuggestions: false,
      minimap: { enabled: false },
    });
    window.ready = true;
  });
</script>`;

let adapter: string;
let server: Server;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup-vscode-e2e.sh`);
  // The browser build: platform "browser" resolves no Node built-in, so one in the import graph fails here.
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    globalName: 'SdGlossaryMonaco',
    minify: true,
    logLevel: 'silent',
  });
  adapter = bundle.outputFiles[0]!.text;
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    const send = (type: string, body: string | Buffer) =>
      void response.writeHead(200, { 'content-type': type }).end(body);
    if (path === '/') return send('text/html', PAGE);
    if (path === '/adapter.js') return send('text/javascript', adapter);
    const file = join(MONACO, path.replace(/^\/monaco\//, ''));
    if (!path.startsWith('/monaco/') || !file.startsWith(MONACO) || !existsSync(file)) {
      return void response.writeHead(404).end();
    }
    send(TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 960, height: 420 } });
  await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
  await page.waitForFunction(() => (globalThis as unknown as { ready?: boolean }).ready === true, null, {
    timeout: 60_000,
  });
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Puts the cursor at a 1-based column of line 1 and shows the hover; returns its text. */
async function hoverAt(column: number, expected: string): Promise<string> {
  await page.keyboard.press('Escape'); // the last hover goes first
  await page.evaluate((c) => {
    const editor = (
      globalThis as unknown as {
        editor: { setPosition(p: object): void; focus(): void; trigger(...a: unknown[]): void };
      }
    ).editor;
    editor.focus();
    editor.setPosition({ lineNumber: 1, column: c });
    editor.trigger('test', 'editor.action.showHover', {});
  }, column);
  const hover = page.locator('.monaco-hover-content', { hasText: expected }).first();
  await hover.waitFor({ timeout: 15_000 });
  return hover.innerText();
}

describe('@sd-glossary/monaco in a Monaco editor', () => {
  test('the adapter bundles for the browser', () => {
    expect(adapter.length).toBeGreaterThan(0);
  });

  test('hover over 炸炉 shows its definition', async () => {
    const text = await hoverAt(14, getEntry('overtrained')!.summary);
    expect(text).toContain('炸炉');
    await page.screenshot({ path: join(SHOTS, 'hover-zhalu.png') });
  }, 60_000);

  test('hover over CFG shows its definition', async () => {
    const text = await hoverAt(19, 'Classifier Free Guidance Scale');
    expect(text).toContain('CFG');
    await page.screenshot({ path: join(SHOTS, 'hover-cfg.png') });
  }, 60_000);

  test('typing zl offers 炸炉', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => {
      const editor = (globalThis as unknown as { editor: { setPosition(p: object): void; focus(): void } }).editor;
      editor.focus();
      editor.setPosition({ lineNumber: 2, column: 1 });
    });
    await page.keyboard.type('zl');
    await page.keyboard.press('Control+Space');
    const row = page.locator('.suggest-widget .monaco-list-row').first();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain('炸炉');
    await page.screenshot({ path: join(SHOTS, 'completion.png') });
  }, 60_000);
});
