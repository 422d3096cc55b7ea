import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { compileCacheDir, compileCacheFileName, runWithCompileCache } from './compile-cache.js';

describe('compileCacheDir', () => {
  test.each([
    ['linux', { XDG_CACHE_HOME: '/x/cache' }, '/home/u', '/x/cache/sd-glossary-lsp'],
    ['linux', {}, '/home/u', '/home/u/.cache/sd-glossary-lsp'],
    ['linux', { XDG_CACHE_HOME: '' }, '/home/u', '/home/u/.cache/sd-glossary-lsp'],
    ['darwin', { XDG_CACHE_HOME: '/x' }, '/Users/u', '/Users/u/Library/Caches/sd-glossary-lsp'],
    [
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' },
      'C:\\Users\\u',
      join('C:\\Users\\u\\AppData\\Local', 'sd-glossary-lsp'),
    ],
    ['win32', {}, 'C:\\Users\\u', undefined],
    ['linux', {}, '', undefined],
    ['linux', { NODE_DISABLE_COMPILE_CACHE: '1', XDG_CACHE_HOME: '/x' }, '/home/u', undefined],
  ] as const)('%s %j, home %s → %s', (platform, env, home, expected) => {
    expect(compileCacheDir(env, platform, home)).toBe(expected);
  });
});

describe('compileCacheFileName', () => {
  const runtime = ['v20.20.2', 'linux', 'x64'];
  test('names a source and a runtime', () => {
    expect(compileCacheFileName('a = 1', runtime)).toMatch(/^main-[0-9a-f]{16}-[0-9a-f]{16}\.v8cache$/);
    expect(compileCacheFileName('a = 1', runtime)).toBe(compileCacheFileName('a = 1', [...runtime]));
  });
  test('a source of the same length gets another name (V8 would take the stale cache)', () => {
    expect(compileCacheFileName('a = 1', runtime)).not.toBe(compileCacheFileName('a = 2', runtime));
  });
  test('another runtime gets another name, with the same source part', () => {
    const here = compileCacheFileName('a = 1', runtime);
    const there = compileCacheFileName('a = 1', [...runtime, '--cpu-prof']);
    expect(there).not.toBe(here);
    expect(there.slice(-24)).toBe(here.slice(-24));
  });
});

describe('runWithCompileCache', () => {
  let work: string;
  let dir: string;
  let starts = 0;
  const program = (n: number) =>
    `const dep = require('./dep.cjs');\nmodule.exports = { n: ${n}, dep, dirname: __dirname, filename: __filename, self: module.id };\n`;
  /**
   * Writes the program into a folder of its own, as another install would. V8 keeps what this
   * process compiled by source and file name: at a new path it reads the code cache as a new
   * process would, instead of reusing the code it has.
   */
  const install = (source: string): string => {
    const folder = join(work, `install-${++starts}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'dep.cjs'), 'module.exports = "dep";\n');
    writeFileSync(join(folder, 'later.mjs'), 'export const later = import.meta.url;\n');
    writeFileSync(join(folder, 'main.cjs'), source);
    return join(folder, 'main.cjs');
  };
  const caches = () => (existsSync(dir) ? readdirSync(dir).sort() : []);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    work = mkdtempSync(join(tmpdir(), 'sd-glossary-cc-'));
    dir = join(work, 'cache');
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(work, { recursive: true, force: true });
  });

  test('runs the file as require would: its own require, __dirname, __filename, module', () => {
    const file = install(program(1));
    const { exports, hit } = runWithCompileCache(file, { dir: undefined, writeAfterMs: 0 });
    expect(exports).toEqual({ n: 1, dep: 'dep', dirname: dirname(file), filename: file, self: file });
    expect(hit).toBe(false);
  });

  test('a file that uses import() is required as usual, without a cache, and its import() works', async () => {
    const file = install(`module.exports = { later: () => import('./later.mjs') };\n`);
    const outcome = runWithCompileCache(file, { dir, writeAfterMs: 0 });
    expect(outcome).toMatchObject({ hit: false, file: undefined });
    vi.runAllTimers();
    expect(caches()).toEqual([]);
    const { later } = await (outcome.exports as { later(): Promise<{ later: string }> }).later();
    expect(later).toBe(pathToFileURL(join(dirname(file), 'later.mjs')).href);
  });

  test('the first start writes the cache after the delay; the next start uses it', () => {
    const first = runWithCompileCache(install(program(1)), { dir, writeAfterMs: 1000 });
    expect(first.hit).toBe(false);
    vi.advanceTimersByTime(999);
    expect(caches()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(caches()).toEqual([basename(first.file!)]);
    const second = runWithCompileCache(install(program(1)), { dir, writeAfterMs: 1000 });
    expect(second).toMatchObject({ hit: true, file: first.file, exports: { n: 1 } });
    vi.runAllTimers();
    expect(caches()).toEqual([basename(first.file!)]);
  });

  test('a changed file misses, runs its new code, and its cache replaces the old one and any unfinished write', () => {
    const first = runWithCompileCache(install(program(1)), { dir, writeAfterMs: 0 });
    vi.runAllTimers();
    writeFileSync(`${first.file!}.99999.tmp`, 'left by a process that died while writing');
    writeFileSync(join(dir, 'main-0123456789abcdef-0123456789abcdef.v8cache'), 'another runtime’s');
    // The same length: only the file name keeps V8 from the stale code.
    const second = runWithCompileCache(install(program(2)), { dir, writeAfterMs: 0 });
    expect(second).toMatchObject({ hit: false, exports: { n: 2 } });
    expect(second.file).not.toBe(first.file);
    vi.runAllTimers();
    expect(caches()).toEqual([basename(second.file!), 'main-0123456789abcdef-0123456789abcdef.v8cache'].sort());
  });

  test('a corrupt cache is refused and rewritten; the file still runs', () => {
    const first = runWithCompileCache(install(program(1)), { dir, writeAfterMs: 0 });
    vi.runAllTimers();
    writeFileSync(first.file!, 'not a code cache');
    expect(runWithCompileCache(install(program(1)), { dir, writeAfterMs: 0 })).toMatchObject({
      hit: false,
      exports: { n: 1 },
    });
    vi.runAllTimers();
    expect(runWithCompileCache(install(program(1)), { dir, writeAfterMs: 0 }).hit).toBe(true);
  });

  test.skipIf(process.getuid === undefined)(
    'a cache directory that others can write to is neither read nor written',
    () => {
      const first = runWithCompileCache(install(program(1)), { dir, writeAfterMs: 0 });
      vi.runAllTimers();
      chmodSync(dir, 0o777);
      expect(runWithCompileCache(install(program(1)), { dir, writeAfterMs: 0 })).toMatchObject({
        hit: false,
        file: undefined,
        exports: { n: 1 },
      });
      writeFileSync(first.file!, 'planted');
      vi.runAllTimers();
      expect(readFileSync(first.file!, 'utf8')).toBe('planted');
      chmodSync(dir, 0o700);
      expect(runWithCompileCache(install(program(1)), { dir, writeAfterMs: 0 })).toMatchObject({
        hit: false,
        file: first.file,
      });
    },
  );

  test('a cache directory that cannot be made costs nothing but the cache', () => {
    writeFileSync(dir, 'a file where the directory should be');
    expect(runWithCompileCache(install(program(1)), { dir, writeAfterMs: 0 })).toMatchObject({
      hit: false,
      exports: { n: 1 },
    });
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(readFileSync(dir, 'utf8')).toBe('a file where the directory should be');
  });
});
