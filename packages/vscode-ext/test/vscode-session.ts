/**
 * A real VS Code for end-to-end tests: code-server (VS Code in a browser, installed by
 * scripts/setup-vscode-e2e.sh) on 127.0.0.1, rendered by Debian's Chromium, driven by playwright-core
 * like a user would. Everything a run writes stays in one temporary folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Where setup-vscode-e2e.sh put Node 24, code-server and Chromium. */
export function e2eTools(): { node: string; codeServer: string; chromium: string } {
  const file = join(ROOT, '.tools', 'vscode-e2e.env');
  if (!existsSync(file))
    throw new Error('the VS Code test tools are missing: run scripts/setup-vscode-e2e.sh (the root test script does)');
  const env = Object.fromEntries(
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('=', 2) as [string, string]),
  );
  return {
    node: env['VSCODE_E2E_NODE']!,
    codeServer: env['VSCODE_E2E_CODE_SERVER']!,
    chromium: env['VSCODE_E2E_CHROMIUM']!,
  };
}

/**
 * Polls until `probe` returns something truthy. Used for what VS Code shows asynchronously
 * (a hover asked for before the language server is up stays empty until asked again).
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeout = 30_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(
    `timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
  );
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    code >= 0x20000
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface VsCodeSession {
  readonly page: Page;
  /** The workspace folder (a copy of the fixture). */
  readonly workspace: string;
  /** Opens a workspace file with Quick Open and waits for its editor. */
  open(file: string): Promise<void>;
  /** Puts the cursor at a 1-based line and column with Go to Line. */
  goTo(line: number, column: number): Promise<void>;
  /** Puts the cursor inside the first occurrence of `text` in a workspace file (open in the editor). */
  goToText(file: string, text: string): Promise<void>;
  /** Shows the hover at the cursor and returns its text once it contains `expected` (retrying). */
  hover(expected: string): Promise<string>;
  /** Shows the hover at the cursor once and returns what it says after a second ('' for none). */
  hoverOnce(): Promise<string>;
  /**
   * Types text at the end of the file on a new line, asks for suggestions, returns their labels once
   * `expected` is among them.
   */
  complete(prefix: string, expected: string): Promise<string[]>;
  /** Runs a command from the Command Palette by its title. */
  command(title: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** Kills the extension's language server process(es), as a crash would. Returns how many. */
  killServer(): number;
  /** The text of every log file VS Code wrote whose name contains `name` (output channels included). */
  logs(name: string): string;
  close(): Promise<void>;
}

/**
 * Installs a .vsix into a fresh code-server and opens a copy of a workspace in Chromium.
 * @param vsix - the extension package.
 * @param fixture - the workspace folder to copy.
 * @param screenshots - where screenshots go.
 */
export async function startVsCode(
  vsix: string,
  fixture: string,
  screenshots: string,
  options: { trusted?: boolean } = {},
): Promise<VsCodeSession> {
  const trusted = options.trusted ?? true;
  const tools = e2eTools();
  const run = mkdtempSync(join(tmpdir(), 'sdg-vsc-'));
  const dirs = Object.fromEntries(
    ['user-data', 'extensions', 'browser', 'xdg', 'tmp', 'workspace'].map((d) => [d, join(run, d)]),
  );
  for (const d of Object.values(dirs)) mkdirSync(d!, { recursive: true });
  cpSync(fixture, dirs['workspace']!, { recursive: true });
  mkdirSync(screenshots, { recursive: true });
  mkdirSync(join(dirs['user-data']!, 'User'), { recursive: true });
  writeFileSync(
    join(dirs['user-data']!, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': !trusted,
      'security.workspace.trust.startupPrompt': 'always',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'git.enabled': false,
      'editor.hover.delay': 300,
      'editor.minimap.enabled': false,
      'editor.wordBasedSuggestions': 'off',
      'editor.quickSuggestions': { other: false, comments: false, strings: false },
    }),
  );
  const config = join(run, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${dirname(tools.node)}:${process.env['PATH'] ?? ''}`,
    XDG_CONFIG_HOME: join(dirs['xdg']!, 'config'),
    XDG_DATA_HOME: join(dirs['xdg']!, 'data'),
    XDG_CACHE_HOME: join(dirs['xdg']!, 'cache'),
    TMPDIR: dirs['tmp'],
    NODE_COMPILE_CACHE: join(dirs['tmp']!, 'node-compile-cache'),
    EXTENSIONS_GALLERY: '{}', // no marketplace
  };
  delete env['VSCODE_IPC_HOOK_CLI'];
  const common = ['--config', config, '--user-data-dir', dirs['user-data']!, '--extensions-dir', dirs['extensions']!];
  const install = spawnSync(tools.node, [tools.codeServer, ...common, '--install-extension', vsix], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
  if (readdirSync(dirs['extensions']!).filter((d) => d.startsWith('sd-glossary.sd-glossary-')).length !== 1)
    throw new Error('the extension did not install');

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(
    tools.node,
    [
      tools.codeServer,
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(trusted ? ['--disable-workspace-trust'] : []),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      dirs['workspace']!,
    ],
    { env, detached: true, stdio: 'ignore' },
  );
  const stopServer = (): void => {
    try {
      process.kill(-server.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let context: BrowserContext | undefined;
  try {
    await eventually(async () => (await fetch(`${url}/healthz`)).ok, 'code-server', 60_000);
    context = await chromium.launchPersistentContext(dirs['browser']!, {
      executablePath: tools.chromium,
      headless: true,
      viewport: { width: 1280, height: 800 },
      env: { ...process.env, XDG_CONFIG_HOME: env['XDG_CONFIG_HOME']!, XDG_CACHE_HOME: env['XDG_CACHE_HOME']! },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await context.route(
      (u) => !['127.0.0.1', 'localhost'].includes(u.hostname),
      (r) => r.abort(),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/?folder=${encodeURIComponent(dirs['workspace']!)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60_000 });
    if (!trusted) {
      // Answer VS Code's trust prompt with "No": the workspace opens in Restricted Mode.
      const no = page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust/ }).first();
      await no.waitFor({ timeout: 60_000 });
      await no.click();
    }
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    const editor = page.locator('.part.editor .editor-instance .monaco-editor').first();

    // What a hover says once it is shown, or '' when none is: a locator's own wait would hold the
    // caller for Playwright's default timeout while no hover is there.
    const hoverText = async (): Promise<string> => {
      const hover = page.locator('.monaco-hover:visible').first();
      return (await hover.count()) > 0 ? hover.innerText({ timeout: 1_000 }).catch(() => '') : '';
    };
    const quickInput = (): Promise<void> =>
      page.locator('.quick-input-widget:visible').first().waitFor({ timeout: 10_000 });
    const session: VsCodeSession = {
      page,
      workspace: dirs['workspace']!,
      async open(file) {
        await page.keyboard.press('Escape');
        await eventually(
          async () => {
            if ((await page.locator('.quick-input-widget:visible').count()) === 0)
              await page.keyboard.press('Control+P');
            return (await page.locator('.quick-input-widget:visible').count()) > 0;
          },
          'Quick Open',
          15_000,
        );
        await page.keyboard.type(file);
        const name = file.split('/').at(-1)!;
        await page
          .locator('.quick-input-widget .monaco-list-row', { hasText: name })
          .first()
          .waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
        await eventually(
          () =>
            page.evaluate(
              (n) =>
                [...document.querySelectorAll('.part.editor .tab.active')].some((t) =>
                  (t.getAttribute('aria-label') ?? '').startsWith(n),
                ),
              name,
            ),
          `the editor of ${file}`,
        ).catch(async (error: Error) => {
          await page.screenshot({ path: join(screenshots, 'open-timeout.png') });
          throw error;
        });
        await editor.locator('.view-lines').waitFor({ timeout: 15_000 });
      },
      async goTo(line, column) {
        await editor.click({ position: { x: 300, y: 10 } }).catch(() => undefined);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+G');
        await quickInput();
        await page.keyboard.type(`${line}:${column}`);
        await page.keyboard.press('Enter');
        // The status bar counts columns its own way around wide characters: check the line only.
        await eventually(
          async () => {
            const status = await page
              .locator('[id="status.editor.selection"]')
              .innerText({ timeout: 1_000 })
              .catch(() => '');
            return status.replace(/\s+/g, ' ').includes(`Ln ${line},`);
          },
          `the cursor on line ${line}`,
          10_000,
        );
      },
      async goToText(file, text) {
        const lines = readFileSync(join(dirs['workspace']!, file), 'utf8').split('\n');
        const line = lines.findIndex((l) => l.includes(text));
        if (line < 0) throw new Error(`"${text}" is not in ${file}`);
        const before = lines[line]!.slice(0, lines[line]!.indexOf(text) + 1);
        // Go to Line counts visible columns: a CJK character is two wide.
        const column = [...before].reduce((n, c) => n + (isWide(c.codePointAt(0)!) ? 2 : 1), 0) + 1;
        await session.goTo(line + 1, column);
      },
      async hover(expected) {
        let seen = '';
        return eventually(
          async () => {
            await page.keyboard.press('Escape');
            await page.keyboard.press('Control+K');
            await page.keyboard.press('Control+I');
            await page
              .locator('.monaco-hover:visible')
              .first()
              .waitFor({ timeout: 400 })
              .catch(() => undefined);
            seen = await hoverText();
            return seen.includes(expected) ? seen : undefined;
          },
          `a hover containing "${expected}"`,
          60_000,
        ).catch(async (error: Error) => {
          await page.screenshot({ path: join(screenshots, 'hover-timeout.png') });
          throw new Error(`${error.message}; the last hover said ${JSON.stringify(seen.slice(0, 300))}`);
        });
      },
      async hoverOnce() {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        await page
          .locator('.monaco-hover:visible')
          .first()
          .waitFor({ timeout: 1_000 })
          .catch(() => undefined);
        return hoverText();
      },
      async complete(prefix, expected) {
        await page.keyboard.press('Escape'); // a hover left open would take the click
        await page.mouse.move(5, 5);
        await editor.click({ position: { x: 300, y: 10 } }).catch(() => undefined);
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        await page.keyboard.type(prefix);
        return eventually(
          async () => {
            await page.keyboard.press('Control+Space');
            const rows = page.locator('.suggest-widget.visible .monaco-list-row');
            await rows
              .first()
              .waitFor({ timeout: 3_000 })
              .catch(() => undefined);
            const labels = await rows.evaluateAll((els) =>
              els.map((e) => (e.querySelector('.label-name')?.textContent ?? '').trim()),
            );
            return labels.includes(expected) ? labels : undefined;
          },
          `a suggestion "${expected}" for "${prefix}"`,
          60_000,
        );
      },
      async command(title) {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await quickInput();
        await page.keyboard.type(title);
        await page
          .locator('.quick-input-widget .monaco-list-row', { hasText: title })
          .first()
          .waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
        // The palette closes; a command that opens a quick pick of its own opens it with its title.
        await page
          .locator('.quick-input-widget:visible .quick-input-title', { hasText: title })
          .waitFor({ timeout: 5_000 })
          .catch(() => undefined);
      },
      killServer() {
        const pattern = `${dirs['extensions']!}/sd-glossary.sd-glossary-.*/dist/server.js`;
        const found = spawnSync('pgrep', ['-f', pattern], { encoding: 'utf8' })
          .stdout.trim()
          .split('\n')
          .filter(Boolean);
        for (const pid of found) process.kill(Number(pid), 'SIGKILL');
        return found.length;
      },
      logs(name) {
        const found: string[] = [];
        const walk = (dir: string): void => {
          for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (entry.name.includes(name)) found.push(readFileSync(path, 'utf8'));
          }
        };
        const logs = join(dirs['user-data']!, 'logs');
        if (existsSync(logs)) walk(logs);
        return found.join('\n');
      },
      async screenshot(name) {
        const path = join(screenshots, `${name}.png`);
        await page.screenshot({ path });
        return path;
      },
      async close() {
        await context?.close().catch(() => undefined);
        stopServer();
        rmSync(run, { recursive: true, force: true });
      },
    };
    return session;
  } catch (error) {
    await context?.close().catch(() => undefined);
    stopServer();
    rmSync(run, { recursive: true, force: true });
    throw error;
  }
}
