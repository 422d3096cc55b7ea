/**
 * The extension in a real VS Code (code-server + Chromium, see vscode-session.ts): install the .vsix,
 * open a workspace, hover and complete in a markdown note, a prompt file and a kohya TOML config,
 * run SD Glossary: Search Terms. Screenshots go to reports/vscode-e2e/ (UPDATE_SCREENSHOTS=1 also
 * refreshes the README's images). Needs `pnpm package` and scripts/setup-vscode-e2e.sh, which the
 * root test script runs.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discouragedSpellingFixed, restrictedModeSuite, termInserted, workspaceTermExplained } from './checks.js';
import { eventually, startVsCode, type VsCodeSession } from './vscode-session.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const VSIX = join(here, `${name}-${version}.vsix`);
const SHOTS = fileURLToPath(new URL('../../../reports/vscode-e2e/', import.meta.url));

describe('sd-glossary in VS Code', () => {
  let vscode: VsCodeSession;
  let openedAt = 0;
  let firstHoverMs = 0;

  beforeAll(async () => {
    if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`pnpm package\` first`);
    vscode = await startVsCode(VSIX, join(here, 'test', 'workspace'), SHOTS);
  }, 180_000);

  afterAll(async () => {
    await vscode?.close();
  });

  test('hover in a Chinese markdown note, as soon as the server is up', async () => {
    await vscode.open('notes.md');
    openedAt = Date.now();
    await vscode.goToText('notes.md', '炸炉');
    const text = await vscode.hover('指训练过程中过度拟合');
    firstHoverMs = Date.now() - openedAt;
    expect(text).toContain('炸炉');
    expect(text).toContain('GFDL-1.3-or-later');
    const shot = await vscode.screenshot('hover');
    if (process.env['UPDATE_SCREENSHOTS'] === '1') copyFileSync(shot, join(here, 'images', 'hover.png'));
    console.log(`file opened → first hover answered: ${firstHoverMs} ms`);
    expect(vscode.logs('SD Glossary')).toMatch(/SD Glossary: server ready \d+ ms after activation/);
  }, 120_000);

  test('completion by pinyin initials', async () => {
    const labels = await vscode.complete('zl', '炸炉');
    expect(labels[0]).toBe('炸炉');
    const shot = await vscode.screenshot('completion');
    if (process.env['UPDATE_SCREENSHOTS'] === '1') copyFileSync(shot, join(here, 'images', 'completion.png'));
    await vscode.page.keyboard.press('Escape');
  }, 90_000);

  test('a prompt file is SD Prompt, and the term inside (VAE:1.1) hovers', async () => {
    await vscode.open('portrait.prompt');
    await eventually(
      async () => (await vscode.page.locator('[id="status.editor.mode"]').innerText()).includes('SD Prompt'),
      'the SD Prompt language mode',
    );
    await vscode.goToText('portrait.prompt', 'VAE:1.1');
    expect(await vscode.hover('Variational autoencoders')).toContain('VAE');
    await vscode.screenshot('prompt');
  }, 90_000);

  test(
    'the workspace’s own glossary (sd-glossary.md at its root) explains its terms',
    () => workspaceTermExplained(vscode),
    90_000,
  );

  test('a kohya TOML config: keys hover', async () => {
    await vscode.open('config.toml');
    await vscode.goToText('config.toml', 'clip_skip');
    expect(await vscode.hover('CLIP 是一个非常先进的神经网络')).toContain('CLIP');
    await vscode.screenshot('toml');
  }, 90_000);

  test(
    'a discouraged spelling is flagged; its quick fix, applied in the UI, writes the preferred one',
    () => discouragedSpellingFixed(vscode),
    90_000,
  );

  test('SD Glossary: Insert Term inserts the picked term at the cursor', () => termInserted(vscode), 90_000);

  test('SD Glossary: Restart Server, and hovers work again', async () => {
    await vscode.command('SD Glossary: Restart Server');
    await vscode.goToText('config.toml', 'epochs');
    expect(await vscode.hover('在训练时，整个数据集的一次完整遍历')).toContain('代次');
  }, 90_000);

  test('a crashed server is restarted; after too many crashes a status item points to the output', async () => {
    expect(vscode.killServer()).toBe(1);
    // VS Code's client restarts it: hovers come back.
    await vscode.goToText('config.toml', 'epochs');
    expect(await vscode.hover('在训练时，整个数据集的一次完整遍历')).toContain('代次');
    const status = vscode.page.locator('.part.statusbar', { hasText: 'SD Glossary' });
    expect(await status.count()).toBe(0);
    // The client gives up after five crashes within three minutes: then, and only then, the item shows.
    await eventually(
      async () => {
        vscode.killServer();
        return (await status.count()) > 0;
      },
      'the SD Glossary status item',
      60_000,
    );
    await vscode.screenshot('server-stopped');
    await vscode.page.locator('.part.statusbar .statusbar-item', { hasText: 'SD Glossary' }).first().click();
    await eventually(
      async () =>
        (
          await vscode.page
            .locator('.part.panel')
            .innerText()
            .catch(() => '')
        ).includes('SD Glossary'),
      'the output channel',
    );
    await vscode.command('SD Glossary: Restart Server');
    await eventually(async () => (await status.count()) === 0, 'the status item to go away after a restart');
  }, 120_000);

  test('SD Glossary: Search Terms finds 炸炉 by pinyin and shows its definition', async () => {
    await vscode.command('SD Glossary: Search Terms');
    await vscode.page.keyboard.type('zhalu');
    const first = vscode.page.locator('.quick-input-widget .monaco-list-row').first();
    await eventually(async () => (await first.innerText()).includes('炸炉'), 'the 炸炉 item first', 15_000).catch(
      async (error: Error) => {
        const rows = await vscode.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
        throw new Error(`${error.message}; the list shows: ${JSON.stringify(rows.slice(0, 5))}`);
      },
    );
    await vscode.screenshot('search-terms');
    await vscode.page.keyboard.press('Enter');
    await eventually(
      () =>
        vscode.page.evaluate(() =>
          [...document.querySelectorAll('.part.editor .tab')].some((t) =>
            (t.getAttribute('aria-label') ?? '').startsWith('Preview'),
          ),
        ),
      'the markdown preview',
    );
    await eventually(
      async () =>
        (
          await vscode.page
            .locator('.notifications-toasts')
            .innerText()
            .catch(() => '')
        ).includes('Insert'),
      'the offer to insert',
    );
    await vscode.screenshot('search-terms-preview');
  }, 90_000);
});

restrictedModeSuite('sd-glossary in an untrusted workspace (Restricted Mode)', () =>
  startVsCode(VSIX, join(here, 'test', 'workspace'), SHOTS, { trusted: false }),
);
