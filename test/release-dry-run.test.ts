/**
 * The release rehearsed: `scripts/release.mjs --dry-run` checks the manifests, runs `pnpm publish
 * --dry-run` over the npm packages and has ovsx upload the .vsix to a stand-in of Open VSX. Needs the
 * .vsix (`pnpm package`, which the root `test` script runs first).
 */
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
// @ts-expect-error the release script is plain JavaScript, without declarations
import { releasedPackages } from '../scripts/release.mjs';

test('a dry run publishes every npm package whose version is new, and the one .vsix', () => {
  const output = execFileSync(process.execPath, ['scripts/release.mjs', '--dry-run'], {
    cwd: new URL('..', import.meta.url),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // pnpm prints `+ name@version` for each package it would publish, and skips a version npm already has.
  const published = [...output.matchAll(/^\+ (@?[\w/-]+)@(\d+\.\d+\.\d+)$/gm)].map((m) => `${m[1]}@${m[2]}`);
  const { npm } = (releasedPackages as () => { npm: Array<{ manifest: { name: string; version: string } }> })();
  const all = npm.map(({ manifest }) => `${manifest.name}@${manifest.version}`);
  expect(all.length).toBeGreaterThan(0);
  expect(published.filter((p) => !all.includes(p))).toEqual([]);
  for (const skipped of all.filter((p) => !published.includes(p))) {
    expect(execFileSync('npm', ['view', skipped, 'version'], { encoding: 'utf8' }).trim()).toBe(
      skipped.split('@').at(-1),
    );
  }
  expect(output).toMatch(/^🚀 {2}Published sd-glossary\.sd-glossary v\d+\.\d+\.\d+$/m);
  expect(output).toMatch(/sd-glossary-\d+\.\d+\.\d+\.vsix: ovsx uploads it unchanged/);
}, 120_000);

test('the .vsix README, which both marketplaces show, links its images to files in the repository', () => {
  const { extensions } = (
    releasedPackages as () => { extensions: Array<{ dir: string; manifest: { name: string; version: string } }> }
  )();
  for (const { dir, manifest } of extensions) {
    const vsix = `${dir}/${manifest.name}-${manifest.version}.vsix`;
    const cwd = new URL('..', import.meta.url);
    const readme = execFileSync('unzip', ['-p', vsix, 'extension/readme.md'], { cwd, encoding: 'utf8' });
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(targets.filter((t) => !/^(https:|#)/.test(t))).toEqual([]);
    const images = targets.flatMap((t) => /^https:\/\/github\.com\/[^/]+\/[^/]+\/raw\/HEAD\/(.+)$/.exec(t)?.[1] ?? []);
    expect(images.length).toBeGreaterThan(0);
    const tracked = execFileSync('git', ['ls-files', ...images], { cwd, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(tracked.sort()).toEqual([...images].sort());
  }
});
