/** The release: which packages go where, what is checked before anything is published, the workflow. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error the release script is plain JavaScript, without declarations
import { checkRelease, releasedPackages } from '../scripts/release.mjs';

interface Manifest {
  name: string;
  version: string;
  repository?: { type: string; url: string; directory?: string };
  [field: string]: unknown;
}
interface Released {
  dir: string;
  manifest: Manifest;
}
const released = (releasedPackages as () => { npm: Released[]; extensions: Released[] })();
const check = checkRelease as (
  repository: Manifest['repository'],
  packages: { npm: Released[]; extensions: Released[] },
  env: Record<string, string>,
  exists: (file: string) => boolean,
) => string[];
const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Manifest;

describe('what is released where', () => {
  test('the npm packages, and the VS Code extension for the marketplaces', () => {
    expect(released.npm.map((p) => p.manifest.name).sort()).toEqual([
      '@sd-glossary/cspell-dict',
      '@sd-glossary/data',
      '@sd-glossary/lsp-server',
      '@sd-glossary/monaco',
      'markdown-it-sd-glossary',
      'remark-sd-glossary',
    ]);
    expect(released.extensions.map((p) => `${String(p.manifest.publisher)}.${p.manifest.name}`)).toEqual([
      'sd-glossary.sd-glossary',
    ]);
  });

  test('every package names the repository and its directory, the extension what the marketplaces show', () => {
    expect(check(root.repository, released, {}, () => true)).toEqual([]);
  });
});

describe('checked before anything is published', () => {
  const url = root.repository!.url;
  test('a run in another repository than the manifests name', () => {
    expect(check(root.repository, released, { GITHUB_REPOSITORY: 'someone/fork' }, () => true)).toEqual([
      `package.json: repository.url is ${url}, but this runs in someone/fork; ` +
        'npm provenance needs the packages to name the repository they are built in',
    ]);
    const own = /github\.com\/(.+)\.git$/.exec(url)![1]!;
    expect(check(root.repository, released, { GITHUB_REPOSITORY: own }, () => true)).toEqual([]);
  });

  test('a package without its directory, an extension without its publisher or its .vsix', () => {
    const [first, ...npm] = released.npm;
    const [extension] = released.extensions;
    const unpublished: Manifest = { ...extension!.manifest };
    delete unpublished.publisher;
    const broken = {
      npm: [{ ...first!, manifest: { ...first!.manifest, repository: { type: 'git', url } } }, ...npm],
      extensions: [{ ...extension!, manifest: unpublished }],
    };
    expect(check(root.repository, broken, {}, (file) => !file.endsWith('.vsix'))).toEqual([
      `${first!.dir}/package.json: repository must be { "type": "git", "url": "${url}", ` +
        `"directory": "${first!.dir}" }`,
      'packages/vscode-ext/package.json: publisher is missing',
      expect.stringMatching(/^packages\/vscode-ext: .*sd-glossary-[\d.]+\.vsix is missing; `pnpm package` builds it$/),
    ]);
  });
});

test('the workflow runs the script on a version tag, signed for provenance, with the secrets the README names', () => {
  const workflow = parse(readFileSync(new URL('../.github/workflows/release.yml', import.meta.url), 'utf8')) as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: { release: { steps: Array<{ run?: string; env?: Record<string, string> }> } };
  };
  expect(workflow.on.push.tags).toEqual(['v*']);
  expect(workflow.permissions['id-token']).toBe('write');
  const steps = workflow.jobs.release.steps;
  const publish = steps.at(-1)!;
  expect(publish.run).toBe('node scripts/release.mjs');
  expect(publish.env).toEqual({
    NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}',
    VSCE_PAT: '${{ secrets.VSCE_PAT }}',
    OVSX_PAT: '${{ secrets.OVSX_PAT }}',
  });
  // The .vsix is built before it is published; pnpm is the version the repository pins.
  expect(steps.map((s) => s.run).filter(Boolean)).toContain(`npx --yes ${String(root.packageManager)} package`);
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const secret of ['NPM_TOKEN', 'VSCE_PAT', 'OVSX_PAT']) expect(readme).toContain(`\`${secret}\``);
});
