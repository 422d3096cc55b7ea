/**
 * The Neovim setup of the README, verified: headless Neovim (0.7+, Debian's `neovim`, installed by
 * scripts/setup-test-tools.sh) starts the built server with `vim.lsp.start_client`, asks for a hover
 * and a completion through its own LSP client.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEntry } from '@sd-glossary/data';
import { afterAll, expect, test } from 'vitest';
import { BIN } from './client.js';

const PROBE = fileURLToPath(new URL('nvim/probe.lua', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'sd-glossary-nvim-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface NvimResult {
  errors: string[];
  capabilities: Record<string, unknown>;
  hover: { contents: { kind: string; value: string }; range: unknown } | null;
  completion: { items: Array<{ label: string; textEdit: unknown }> } | null;
}

function runNvim(file: string, filetype: string, hover: object, completion: object): NvimResult {
  const out = join(work, `${filetype}.json`);
  const spec = join(work, `${filetype}.spec.json`);
  writeFileSync(
    spec,
    JSON.stringify({ cmd: [process.execPath, BIN, '--stdio'], root: work, file, filetype, out, hover, completion }),
  );
  execFileSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${PROBE}`], {
    env: { ...process.env, SDG_NVIM_SPEC: spec, XDG_STATE_HOME: work, XDG_DATA_HOME: work, XDG_CACHE_HOME: work },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  return JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
}

test('Neovim is installed (scripts/setup-test-tools.sh)', () => {
  expect(execFileSync('nvim', ['--version'], { encoding: 'utf8' })).toMatch(/^NVIM v0\.([7-9]|\d\d)|^NVIM v[1-9]/);
});

test('hover and completion through Neovim’s built-in client, in a Chinese markdown note', () => {
  const file = join(work, 'notes.md');
  writeFileSync(file, '昨天用 db 训练的模型炸炉了。\nset clip_skip = 2\n我用的是炸');
  const result = runNvim(file, 'markdown', { line: 0, character: 13 }, { line: 2, character: 5 });
  expect(result.errors).toEqual([]);
  expect(result.capabilities).toMatchObject({ hoverProvider: true, completionProvider: { resolveProvider: true } });
  expect(result.hover?.range).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 14 } });
  expect(result.hover?.contents.value.startsWith(`**炸炉**\n\n${getEntry('overtrained')!.definition.markdown}`)).toBe(
    true,
  );
  expect(result.completion?.items[0]).toMatchObject({
    label: '炸炉',
    textEdit: { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 5 } }, newText: '炸炉' },
  });
});

test('a kohya TOML config', () => {
  const file = join(work, 'config.toml');
  writeFileSync(file, 'train_batch_size = 4\nmax_train_epochs = 10\nzl');
  const result = runNvim(file, 'toml', { line: 1, character: 12 }, { line: 2, character: 2 });
  expect(result.errors).toEqual([]);
  expect(result.hover?.contents.value.split('\n')[0]).toBe('**代次** · Epoch');
  expect(result.completion?.items.map((i) => i.label)).toEqual(['炸炉', '张量']);
});
