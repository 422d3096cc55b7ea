/**
 * The README's Emacs setup, verified: batch Emacs 28 with Eglot (Debian's emacs-nox and elpa-eglot,
 * installed by scripts/setup-test-tools.sh) starts the built server and asks for a hover and a completion.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEntry } from '@sd-glossary/data';
import { afterAll, expect, test } from 'vitest';
import { BIN } from './client.js';

const work = mkdtempSync(join(tmpdir(), 'sd-glossary-eglot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('hover and completion through Eglot, configured as the README says', () => {
  const bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'sd-glossary-lsp'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'sd-glossary-lsp'), 0o755);
  const file = join(work, 'notes.txt');
  writeFileSync(file, '昨天用 db 训练的模型炸炉了\nCF scale 7\n');
  const out = join(work, 'out.json');
  execFileSync('emacs', ['--batch', '-l', fileURLToPath(new URL('emacs/probe.el', import.meta.url))], {
    env: { ...process.env, SDG_FILE: file, SDG_BIN_DIR: bin, SDG_OUT: out, HOME: work },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  const result = JSON.parse(readFileSync(out, 'utf8')) as { hover?: string; completion?: string; error?: string };
  expect(result.error).toBeUndefined();
  expect(result.hover).toContain(getEntry('overtrained')!.definition.text);
  expect(result.completion).toBe('CFG');
});
