/**
 * The extension as a web extension: its .vsix with the manifest's `main` taken out (so VS Code can only
 * run its `browser` entry), installed into code-server, runs in VS Code's web worker extension host
 * with the language server in a web worker of its own. The same checks as the desktop end-to-end test:
 * a hover in a Chinese markdown note (in the browser's language), completion by pinyin, a workspace
 * glossary (read through `vscode.workspace.fs`), a workspace setting (the consistency check) and its
 * quick fix, Insert Term, Search Terms. Screenshots go to reports/vscode-web-e2e/. Needs
 * `pnpm package` and scripts/setup-vscode-e2e.sh, which the root test script runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  discouragedSpellingFixed,
  firstPickNames,
  restrictedModeSuite,
  termInserted,
  workspaceTermExplained,
} from '../checks.js';
import { startVsCode, type VsCodeSession } from '../vscode-session.js';

const here = fileURLToPath(new URL('../..', import.meta.url));
const { name, version } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const SHOTS = fileURLToPath(new URL('../../../../reports/vscode-web-e2e/', import.meta.url));

/** The packaged extension with no `main`: a web-only extension. */
function webOnlyVsix(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sdg-web-vsix-'));
  const unpacked = join(dir, 'unpacked');
  execFileSync('unzip', ['-q', join(here, `${name}-${version}.vsix`), '-d', unpacked]);
  const manifestFile = join(unpacked, 'extension', 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  delete manifest['main'];
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  const vsix = join(dir, `${name}-${version}-web.vsix`);
  execFileSync('zip', ['-qr', vsix, '.'], { cwd: unpacked });
  return vsix;
}

describe('sd-glossary as a web extension in VS Code', () => {
  let vscode: VsCodeSession;

  beforeAll(async () => {
    vscode = await startVsCode(webOnlyVsix(), join(here, 'test', 'workspace'), SHOTS);
  }, 180_000);

  afterAll(async () => {
    await vscode?.close();
  });

  test('hover in a Chinese markdown note, from the server in a web worker', async () => {
    const workers: number[] = [];
    vscode.page.on('worker', () => workers.push(Date.now()));
    await vscode.open('notes.md');
    const opened = Date.now();
    await vscode.goToText('notes.md', '炸炉');
    // The manifest has no `main`: only the browser entry can answer.
    const text = await vscode.hover('指训练过程中过度拟合');
    expect(text).toContain('炸炉');
    expect(text).toContain('GFDL-1.3-or-later');
    // In the browser's language (VS Code's is English here): SD Glossary's translation first.
    expect(text).toContain('English · translated by SD Glossary');
    console.log(
      `file opened → first hover answered (web worker): ${Date.now() - opened} ms; ` +
        `workers started at ${workers.map((t) => `${t - opened} ms`).join(', ')} after it opened`,
    );
    await vscode.screenshot('hover');
  }, 120_000);

  test('completion by pinyin initials', async () => {
    const labels = await vscode.complete('zl', '炸炉');
    expect(labels[0]).toBe('炸炉');
    await vscode.screenshot('completion');
    await vscode.page.keyboard.press('Escape');
  }, 90_000);

  test(
    'the workspace’s own glossary, read for the worker with vscode.workspace.fs',
    () => workspaceTermExplained(vscode),
    90_000,
  );

  test(
    'a discouraged spelling is flagged (the workspace setting reached the worker); its quick fix writes LoRA',
    () => discouragedSpellingFixed(vscode),
    90_000,
  );

  test('SD Glossary: Insert Term inserts the picked term at the cursor', () => termInserted(vscode), 90_000);

  test('SD Glossary: Search Terms finds 炸炉 by pinyin', async () => {
    await vscode.command('SD Glossary: Search Terms');
    await vscode.page.keyboard.type('zl');
    await firstPickNames(vscode, '炸炉');
    await vscode.screenshot('search-terms');
    await vscode.page.keyboard.press('Escape');
  }, 90_000);
});

restrictedModeSuite('sd-glossary as a web extension in an untrusted workspace (Restricted Mode)', () =>
  startVsCode(webOnlyVsix(), join(here, 'test', 'workspace'), SHOTS, { trusted: false }),
);
