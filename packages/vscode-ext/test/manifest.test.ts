/** The extension's manifest against the server it bundles, and the TextMate grammar against its tests. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS, LOCALE_CHOICES } from '@sd-glossary/lsp-server';
import { describe, expect, test } from 'vitest';
import { DEFAULT_LANGUAGES } from '../src/selector.js';

const here = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(here, 'package.nls.json'), 'utf8')) as Record<string, string>;
const properties = manifest.contributes.configuration.properties as Record<
  string,
  { type: string; default: unknown; enum?: unknown[]; markdownDescription: string; scope?: string }
>;

/** The server's settings, flattened to `sdGlossary.a.b` keys. */
function flatten(value: object, prefix = 'sdGlossary'): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, v]) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.entries(flatten(v, `${prefix}.${key}`))
        : [[`${prefix}.${key}`, v]],
    ),
  );
}

describe('settings', () => {
  test('every server setting is contributed with the server’s default, and nothing else but the selector', () => {
    const server = flatten(DEFAULT_SETTINGS);
    expect(Object.keys(properties).sort()).toEqual([...Object.keys(server), 'sdGlossary.languages'].sort());
    for (const [key, value] of Object.entries(server)) expect(properties[key]!.default, key).toEqual(value);
    expect(properties['sdGlossary.languages']!.default).toEqual(DEFAULT_LANGUAGES);
    expect(properties['sdGlossary.hover.verbosity']!.enum).toEqual(['full', 'summary']);
    expect(properties['sdGlossary.locale']!.enum).toEqual(LOCALE_CHOICES);
  });

  test('paths outside the workspace can only come from user settings: userGlossaries is machine-scoped', () => {
    // VS Code ignores a machine-scoped setting in workspace settings, so a repository cannot make the
    // server read a file of its choosing.
    expect(properties['sdGlossary.userGlossaries']!.scope).toBe('machine');
    expect(properties['sdGlossary.glossaries']!.scope).toBe('resource');
  });

  test('every title and description is in package.nls.json and package.nls.zh-cn.json, and nothing else', () => {
    const keys = [
      ...new Set(
        JSON.stringify(manifest.contributes)
          .match(/%[\w.-]+%/g)!
          .map((k) => k.slice(1, -1)),
      ),
    ].sort();
    const zh = JSON.parse(readFileSync(join(here, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(nls).sort()).toEqual(keys);
    expect(Object.keys(zh).sort()).toEqual(keys);
    for (const key of keys) expect(zh[key], key).toMatch(/\S/);
  });

  test('activates on the languages it serves, not on *', () => {
    expect(manifest.activationEvents).toEqual(DEFAULT_LANGUAGES.map((l) => `onLanguage:${l}`));
  });
});

describe('the .vsix (built by `pnpm package`)', () => {
  const vsix = join(here, `${manifest.name}-${manifest.version}.vsix`);
  const files = (): string[] =>
    execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((f) => f.startsWith('extension/'))
      .map((f) => f.slice('extension/'.length))
      .sort();

  test('holds the bundles, the grammar, the glossary source, the schema, the licences; no node_modules', () => {
    expect(files()).toEqual([
      'LICENSE-GFDL-1.3',
      'LICENSE.txt',
      'changelog.md',
      'dist/browser-parser.js',
      'dist/browser.js',
      'dist/extension.js',
      'dist/load-worker.cjs',
      'dist/server.js',
      'dist/web-extension.js',
      'glossary/book/advanced/finetuning/aesthetic-gradients.md',
      'glossary/book/advanced/finetuning/hypernetwork.md',
      'glossary/book/advanced/finetuning/index.md',
      'glossary/book/advanced/finetuning/textual-inversion.md',
      'glossary/book/guide/configuration/model.md',
      'glossary/book/guide/configuration/other.md',
      'glossary/book/guide/configuration/param-advanced.md',
      'glossary/book/guide/configuration/param-basic.md',
      'glossary/book/guide/prompt-engineering/img2img.md',
      'glossary/book/guide/prompt-engineering/misc.md',
      'glossary/book/guide/prompt-engineering/txt2img.md',
      'glossary/editorial.zh-CN.md',
      'glossary/glossary.zh-CN.md',
      'images/icon.png',
      'language-configuration.json',
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'readme.md',
      'schema/glossary.schema.json',
      'syntaxes/sd-prompt.tmLanguage.json',
    ]);
  });

  test('what the manifest points to is in it', () => {
    const shipped = new Set(files());
    const pointers = [
      manifest.main.replace(/^\.\//, ''),
      manifest.icon,
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path.replace(/^\.\//, '')),
      ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration.replace(/^\.\//, '')),
      ...manifest.contributes.jsonValidation.map((j: { url: string }) => j.url.replace(/^\.\//, '')),
    ];
    for (const p of pointers) expect(shipped.has(p), p).toBe(true);
  });

  test('declares limited support in untrusted and virtual workspaces', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.virtualWorkspaces.supported).toBe('limited');
  });
});

test('the sd-prompt grammar passes its scope tests', () => {
  const cli = createRequire(import.meta.url).resolve('vscode-tmgrammar-test/dist/unit.js');
  const files = readdirSync(join(here, 'test', 'grammar')).filter((f) => f.endsWith('.prompt'));
  expect(files.length).toBeGreaterThanOrEqual(3);
  const out = execFileSync(
    process.execPath,
    [cli, '--grammar', 'syntaxes/sd-prompt.tmLanguage.json', ...files.map((f) => `test/grammar/${f}`)],
    { cwd: here, encoding: 'utf8' },
  );
  expect(out.match(/run successfuly/g)).toHaveLength(files.length);
});
