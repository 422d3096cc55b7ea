/**
 * End-to-end checks that the desktop and the web extension pass alike, each on its own VS Code
 * session (the workspace is a copy of test/workspace, whose settings turn the consistency check on).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually, type VsCodeSession } from './vscode-session.js';

/**
 * A discouraged spelling is flagged (the workspace's setting reached the server); its quick fix
 * writes the preferred one.
 */
export async function discouragedSpellingFixed(vscode: VsCodeSession): Promise<void> {
  await vscode.open('spelling.md');
  await vscode.goToText('spelling.md', 'Lora');
  const squiggle = vscode.page.locator('.part.editor .squiggly-info');
  await eventually(async () => (await squiggle.count()) > 0, 'the Information squiggle under Lora');
  const fix = vscode.page.locator('.action-widget .monaco-list-row', { hasText: 'Write "LoRA"' }).first();
  // Ctrl+. toggles the menu: ask again only when it has had time to show.
  for (let attempt = 0; attempt < 5 && (await fix.count()) === 0; attempt++) {
    await vscode.page.keyboard.press('Control+.');
    await fix.waitFor({ timeout: 4_000 }).catch(() => undefined);
  }
  expect(await fix.count()).toBe(1);
  await vscode.screenshot('quick-fix');
  await vscode.page.keyboard.press('Enter'); // the first fix is the focused one
  // The editor renders spaces as no-break spaces.
  const line = async () =>
    (await vscode.page.locator('.part.editor .view-lines').first().innerText()).normalize('NFKC');
  await eventually(async () => /我们用\s+LoRA\s+微调/.test(await line()), 'the fixed text');
  await eventually(async () => (await squiggle.count()) === 0, 'the squiggle to go');
  // Saved and closed, as a user leaves it.
  await vscode.page.keyboard.press('Control+S');
  await vscode.page.keyboard.press('Control+W');
}

/** The workspace's own glossary (sd-glossary.md at its root) explains its terms. */
export async function workspaceTermExplained(vscode: VsCodeSession): Promise<void> {
  await vscode.open('portrait.prompt');
  await vscode.goToText('portrait.prompt', 'petals');
  expect(await vscode.hover('我们的花瓣 LoRA 的触发词')).toContain('workspace glossary');
  await vscode.screenshot('workspace-glossary');
}

/** SD Glossary: Insert Term puts the picked term at the cursor. */
export async function termInserted(vscode: VsCodeSession): Promise<void> {
  await vscode.open('config.toml');
  await vscode.goTo(6, 1); // the empty last line
  await vscode.command('SD Glossary: Insert Term');
  await vscode.page.keyboard.type('废丹');
  await firstPickNames(vscode, '废丹');
  await vscode.page.keyboard.press('Enter');
  await eventually(
    async () => (await vscode.page.locator('.part.editor .view-lines').first().innerText()).includes('废丹'),
    'the inserted term',
  );
}

/** Waits until the open quick pick's first item names `text`. */
export async function firstPickNames(vscode: VsCodeSession, text: string): Promise<void> {
  const first = vscode.page.locator('.quick-input-widget .monaco-list-row').first();
  await eventually(async () => (await first.innerText()).includes(text), `the ${text} item`);
}

/**
 * The suite for an untrusted workspace (Restricted Mode): the built-in glossary explains terms, and
 * the workspace's own glossary is not read.
 * @param name - the suite's name.
 * @param start - starts VS Code on an untrusted copy of the test workspace.
 */
export function restrictedModeSuite(name: string, start: () => Promise<VsCodeSession>): void {
  describe(name, () => {
    let vscode: VsCodeSession;

    beforeAll(async () => {
      vscode = await start();
    }, 180_000);

    afterAll(async () => {
      await vscode?.close();
    });

    test('the built-in glossary still explains terms, the workspace’s own is not read', async () => {
      await eventually(
        async () => (await vscode.page.locator('.part.statusbar').innerText()).includes('Restricted Mode'),
        'Restricted Mode',
      );
      await vscode.open('notes.md');
      await vscode.goToText('notes.md', '炸炉');
      expect(await vscode.hover('指训练过程中过度拟合')).toContain('GFDL-1.3-or-later');
      await vscode.screenshot('restricted-mode');
      // …but the workspace's own glossary is not read until the workspace is trusted.
      await vscode.open('portrait.prompt');
      await vscode.goToText('portrait.prompt', 'petals');
      expect(await vscode.hoverOnce()).not.toContain('我们的花瓣');
    }, 120_000);
  });
}
