/**
 * A real VitePress site (test/site: a Chinese page, an English page, the team's own glossary) built
 * with the plugin and its tooltip CSS, then opened in headless Chromium: the HTML has the terms
 * marked (code, links and headings untouched), and hovering a term shows its summary. Needs
 * `pnpm build` and Chromium (scripts/setup-vscode-e2e.sh installs it); the screenshot goes to
 * reports/vitepress-e2e/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEntry, localize } from '@sd-glossary/data';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const SITE = fileURLToPath(new URL('site', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../../reports/vitepress-e2e/', import.meta.url));
const VITEPRESS = join(
  dirname(createRequire(import.meta.url).resolve('vitepress/package.json')),
  'bin',
  'vitepress.js',
);
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let out: string;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup-vscode-e2e.sh`);
  out = mkdtempSync(join(tmpdir(), 'sd-glossary-vitepress-'));
  const built = spawnSync(process.execPath, [VITEPRESS, 'build', SITE, '--outDir', out], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`vitepress build failed:\n${built.stdout}\n${built.stderr}`);
  // The built site, served as a static host would: clean URLs (`/en` → en.html).
  server = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url!, 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    else if (!extname(path)) path += '.html';
    const file = join(out, path);
    if (!file.startsWith(out) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

const summary = (id: string): string => localize(getEntry(id)!).summary;

describe('a VitePress site built with markdown-it-sd-glossary', () => {
  test('the built pages mark the terms; code, links and headings are untouched', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const terms = [...index.matchAll(/<abbr class="sd-glossary" title="([^"]*)">([^<]*)<\/abbr>/g)];
    expect(terms.map((m) => m[2])).toEqual(['CFG', '炸炉', 'VAE']);
    expect(terms[0]![1]).toBe(summary('cfg'));
    expect(index).toMatch(/<h1 id="cfg-与炸炉" tabindex="-1">CFG 与炸炉/);
    expect(index).toContain('<code>VAE</code>');
    expect(index).toContain('>CFG 文档</a>');
    const code = /<pre class="shiki[\s\S]*?<\/pre>/.exec(index)![0];
    expect(code).toContain('CFG');
    expect(code).not.toContain('<abbr');
    const en = readFileSync(join(out, 'en.html'), 'utf8');
    expect(en).toContain('<abbr class="sd-glossary" title="我们的 LoRA 触发词">mytrigger</abbr>');
  });

  test('hovering a term in Chromium shows its summary', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await page.goto(`${origin}/`);
    const term = page.locator('abbr.sd-glossary', { hasText: '炸炉' });
    await term.hover();
    // The tooltip is the CSS ::after box: its text and that it is drawn.
    const tooltip = await term.evaluate((el) => {
      const style = el.ownerDocument.defaultView!.getComputedStyle(el, '::after');
      return { content: style.content, display: style.display, width: parseFloat(style.width) };
    });
    expect(tooltip.content).toBe(JSON.stringify(summary('overtrained')));
    expect(tooltip.display).not.toBe('none');
    expect(tooltip.width).toBeGreaterThan(100);
    mkdirSync(SHOTS, { recursive: true });
    const box = (await term.boundingBox())!;
    await page.screenshot({
      path: join(SHOTS, 'tooltip.png'),
      clip: { x: Math.max(0, box.x - 240), y: Math.max(0, box.y - 40), width: 640, height: 180 },
    });
    await page.close();
  });
});
