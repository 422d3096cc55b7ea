// The bin's first step: tunes V8 for a long-running server (v8-tuning.ts), then runs the bundled
// server (dist/main.cjs, beside this file once built) through V8's code cache, so a start after the
// first skips compiling it.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { compileCacheDir, runWithCompileCache } from './compile-cache.js';
import { serverV8Flags } from './v8-tuning.js';
// Node's own modules load through a code cache that V8 turns down once a flag has changed; the
// server's are loaded here, before the flags, so that they keep it (5 ms of a start, measured by
// starting both ways in turn).
import 'node:child_process';
import 'node:console';
import 'node:fs/promises';
import 'node:net';

function home(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

for (const flag of serverV8Flags(process.execArgv, process.env, process.versions.v8)) setFlagsFromString(flag);
runWithCompileCache(join(__dirname, 'main.cjs'), {
  dir: compileCacheDir(process.env, process.platform, home()),
  writeAfterMs: 1000,
});
