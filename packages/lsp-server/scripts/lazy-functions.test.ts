import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lazyFunctions } from './lazy-functions.js';

// A package that counts its loads, and bundles of code that imports it, built and run as the
// server's bundle is (CommonJS, platform node).
let dir: string;
let require: NodeJS.Require;
const loads = (): number => (globalThis as { lazyFunctionsLoads?: number }).lazyFunctionsLoads ?? 0;

function writePackage(name: string, source: string): void {
  mkdirSync(join(dir, 'node_modules', name), { recursive: true });
  writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
  writeFileSync(join(dir, 'node_modules', name, 'index.js'), source);
}

let bundles = 0;
async function bundle(entry: string, specifier: string, names: readonly string[]): Promise<Record<string, unknown>> {
  const file = join(dir, `bundle-${bundles++}`);
  writeFileSync(`${file}.mjs`, entry);
  await build({
    entryPoints: [`${file}.mjs`],
    outfile: `${file}.cjs`,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
    plugins: [lazyFunctions(specifier, names)],
  });
  return require(`${file}.cjs`) as Record<string, unknown>;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lazy-functions-'));
  require = createRequire(join(dir, 'x.cjs'));
  writePackage(
    'counted',
    '"use strict";\nglobalThis.lazyFunctionsLoads = (globalThis.lazyFunctionsLoads ?? 0) + 1;\nexports.pair = function (a, b) { return [this, a, b]; };\nexports.twice = (x) => 2 * x;\nexports.answer = 42;\n',
  );
  writePackage('broken', 'throw new Error("broken on purpose");\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lazyFunctions', () => {
  test('the package is required at the first call, once, and its own functions are bound afterwards', async () => {
    const out = await bundle(
      "import { pair, twice } from 'counted';\nexport const use = (x) => [pair(x, 'b'), twice(x)];\nexport { twice };\n",
      'counted',
      ['pair', 'twice'],
    );
    expect(loads()).toBe(0);
    expect((out['use'] as (x: number) => unknown)(3)).toEqual([[undefined, 3, 'b'], 6]);
    expect(loads()).toBe(1);
    expect(out['twice']).toBe(require('counted').twice);
    expect((out['use'] as (x: number) => unknown)(4)).toEqual([[undefined, 4, 'b'], 8]);
    expect(loads()).toBe(1);
  });

  test('a package that fails to load fails every call with its own error', async () => {
    const out = await bundle("import { f } from 'broken';\nexport const call = () => f();\n", 'broken', ['f']);
    const call = out['call'] as () => unknown;
    expect(call).toThrow('broken on purpose');
    expect(call).toThrow('broken on purpose');
  });

  test('a name the package lacks fails the first call and says which', async () => {
    const out = await bundle(
      "import { twice, gone } from 'counted';\nexport const call = () => gone(twice(1));\n",
      'counted',
      ['twice', 'gone'],
    );
    expect(out['call'] as () => unknown).toThrow(new TypeError('counted has no function gone'));
  });

  test('importing anything but a listed function fails the build', async () => {
    await expect(
      bundle("import { answer } from 'counted';\nexport { answer };\n", 'counted', ['pair', 'twice']),
    ).rejects.toThrow(/No matching export .* "answer"/);
  });

  test('other specifiers, and subpaths of the package, are left alone', async () => {
    const out = await bundle(
      "import { join } from 'node:path';\nimport * as c from 'counted/index.js';\nexport const both = () => [join('a', 'b'), c.answer];\n",
      'counted',
      ['twice'],
    );
    expect((out['both'] as () => unknown)()).toEqual([join('a', 'b'), 42]);
  });

  test("refuses names that are not identifiers or are the stand-in's own, and a package without functions", () => {
    expect(() => lazyFunctions('counted', ['ok', 'not-ok'])).toThrow('"not-ok" is not an identifier');
    expect(() => lazyFunctions('counted', [])).toThrow('counted exports no functions');
    expect(() => lazyFunctions('counted', ['twice', 'lazyLoad'])).toThrow(
      'lazyLoad is a name of the stand-in module itself',
    );
  });
});
