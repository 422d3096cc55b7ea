/**
 * The release rehearsed: `scripts/release.mjs --dry-run` checks the manifests, runs `pnpm publish
 * --dry-run` over the npm packages and has ovsx upload the .vsix to a stand-in of Open VSX. Needs the
 * .vsix (`pnpm package`, which the root `test` script runs first).
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('a dry run publishes every npm package and the one .vsix, and nothing else', () => {
  const output = execFileSync(process.execPath, ['scripts/release.mjs', '--dry-run'], {
    cwd: new URL('..', import.meta.url),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // pnpm prints `+ name@version` for each package it would publish.
  const published = [...output.matchAll(/^\+ (@?[\w/-]+)@\d+\.\d+\.\d+$/gm)].map((m) => m[1]).sort();
  expect(published).toEqual([
    '@sd-glossary/cspell-dict',
    '@sd-glossary/data',
    '@sd-glossary/lsp-server',
    '@sd-glossary/monaco',
    'markdown-it-sd-glossary',
    'remark-sd-glossary',
  ]);
  expect(output).toMatch(/^🚀 {2}Published sd-glossary\.sd-glossary v\d+\.\d+\.\d+$/m);
  expect(output).toMatch(/sd-glossary-\d+\.\d+\.\d+\.vsix: ovsx uploads it unchanged/);
}, 120_000);
