// The bin's first step: runs the bundled server (dist/main.cjs, beside this file once built)
// through V8's code cache, so a start after the first skips compiling it.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { compileCacheDir, runWithCompileCache } from './compile-cache.js';

function home(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

runWithCompileCache(join(__dirname, 'main.cjs'), { dir: compileCacheDir(process.env, process.platform, home()), writeAfterMs: 1000 });
