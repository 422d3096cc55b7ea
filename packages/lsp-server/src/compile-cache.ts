import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Where a compile cache lives and whether there is one. */
export interface CompileCacheOptions {
  /** The directory of the cache files; `undefined` runs without a cache. */
  readonly dir: string | undefined;
  /** Milliseconds after start at which the cache is written, when it was missing or stale. */
  readonly writeAfterMs: number;
}

/** What happened to the cache of one start, for tests and the benchmark. */
export interface CompileCacheOutcome {
  /** The cache file this start read or would write; `undefined` without a cache directory. */
  readonly file: string | undefined;
  /** `true` when V8 took the cached code, `false` when there was none or V8 refused it. */
  readonly hit: boolean;
  /** What the file exported. */
  readonly exports: unknown;
}

/**
 * The per-user cache directory of the server's compiled code, following each platform's
 * convention. Node's own switch `NODE_DISABLE_COMPILE_CACHE` turns it off.
 * @param env - the environment (`process.env`).
 * @param platform - `process.platform`.
 * @param home - the user's home directory.
 * @returns the directory, or `undefined` when caching is off or there is nowhere to put it.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | undefined {
  if (env['NODE_DISABLE_COMPILE_CACHE'] !== undefined && env['NODE_DISABLE_COMPILE_CACHE'] !== '') return undefined;
  let base: string | undefined;
  if (platform === 'win32') base = env['LOCALAPPDATA'];
  else if (platform === 'darwin') base = home === '' ? undefined : join(home, 'Library', 'Caches');
  else base = env['XDG_CACHE_HOME'] || (home === '' ? undefined : join(home, '.cache'));
  return base === undefined || base === '' ? undefined : join(base, 'sd-glossary-lsp');
}

/**
 * The cache file's name for a source and a runtime: `main-<runtime>-<source>.v8cache`. V8 checks
 * only a source's length before using cached code, so the name carries a hash of the source
 * itself; it also carries one of the Node version, platform, architecture and flags, which V8
 * would refuse a mismatch of anyway, so that two runtimes sharing the directory keep a file each
 * instead of rewriting one.
 * @param source - the script's text.
 * @param runtime - what identifies the runtime: version, platform, arch, exec flags.
 * @returns the file name.
 */
export function compileCacheFileName(source: string, runtime: readonly string[]): string {
  const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  return `main-${hash(runtime.join('\0'))}-${hash(source)}.v8cache`;
}

/**
 * Runs a CommonJS file the way `require` would, compiling it with V8's code cache from `dir`: a
 * later start skips compiling what the earlier one compiled. A missing or stale cache is written
 * `writeAfterMs` after start, when the code that answers the first requests has compiled (a
 * process that ends sooner, such as `--version`, leaves none), to a temporary file renamed into
 * place, and this runtime's caches of other versions of the file are removed. A directory that
 * others can write to is not used. A cache that cannot be read or written costs only the time it
 * would have saved.
 * @param file - the absolute path of the CommonJS file to run.
 * @param options - the cache directory and when to write.
 * @returns whether the cached code was used, the cache file, and the file's exports.
 */
export function runWithCompileCache(file: string, options: CompileCacheOptions): CompileCacheOutcome {
  const source = readFileSync(file, 'utf8');
  // Code V8 takes from a cache loses what `import()` needs to find Node's loader
  // (nodejs/node#43663): such a file is required as usual, without a cache.
  if (/\bimport\s*\(/.test(source))
    return { file: undefined, hit: false, exports: Module.createRequire(file)(file) as unknown };
  const runtime = [process.version, process.platform, process.arch, ...process.execArgv];
  const dir = options.dir !== undefined && isOwnDirectory(options.dir) ? options.dir : undefined;
  const cacheFile = dir === undefined ? undefined : join(dir, compileCacheFileName(source, runtime));
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(Module.wrap(source), {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const hit = cachedData !== undefined && script.cachedDataRejected !== true;
  if (dir !== undefined && cacheFile !== undefined && !hit)
    setTimeout(() => writeCache(dir, cacheFile, script), options.writeAfterMs).unref();
  const module = new Module(file);
  module.filename = file;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return { file: cacheFile, hit, exports: module.exports };
}

/**
 * Whether a cache directory is the user's alone, or not there yet (it is then made so): V8 runs
 * what it reads from there, so a directory others can write to is not used. On Windows the
 * directory is under the user's own LOCALAPPDATA.
 */
function isOwnDirectory(dir: string): boolean {
  if (process.getuid === undefined) return true;
  try {
    const stat = statSync(dir);
    return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function writeCache(dir: string, cacheFile: string, script: Script): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, cacheFile);
    // The same runtime's caches of other versions of the file are stale for good, and so is what a
    // write that never finished left behind.
    const name = basename(cacheFile);
    const runtimePrefix = name.slice(0, name.lastIndexOf('-') + 1);
    for (const other of readdirSync(dir)) {
      if (other !== name && other.startsWith(runtimePrefix)) rmSync(join(dir, other), { force: true });
    }
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nowhere to write: the next start compiles again.
    }
  }
}
