import { Worker } from 'node:worker_threads';
import type { LoadedGlossary, LoadGlossary } from './load.js';

/**
 * The heap a worker may grow to. The parser's limits keep every glossary far below it; a worker
 * past it stops, and the server does not.
 */
const WORKER_HEAP_MB = 512;

/** A request to the worker; the worker answers `{ id, result }`. */
export interface LoadRequest {
  readonly id: number;
  readonly text: string;
  readonly file: string;
  readonly folders: readonly string[];
}

/**
 * Reads glossaries in a worker thread, so the server's own thread keeps answering requests while
 * a large one is parsed and sanitised. The worker starts at the first glossary and does not keep
 * the process alive; a worker that fails (out of memory, a bug) turns the files it was reading into
 * issues, and the next file starts a new one.
 * @param script - the worker's file (the built `load-worker.cjs`).
 * @returns a `LoadGlossary` with the worker behind it.
 */
export function workerLoader(script: string): LoadGlossary {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { file: string; resolve: (result: LoadedGlossary) => void }>();

  const stopped = (from: Worker, why: string): void => {
    if (worker !== from) return;
    worker = undefined;
    for (const { file, resolve } of pending.values()) {
      resolve({ glossary: undefined, issues: [{ file, line: 1, column: 1, message: `not read: ${why}` }] });
    }
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    started.unref();
    started.on('message', ({ id, result }: { id: number; result: LoadedGlossary }) => {
      pending.get(id)?.resolve(result);
      pending.delete(id);
    });
    started.on('error', (error) => stopped(started, `the glossary reader failed (${error.message})`));
    started.on('exit', (code) => stopped(started, `the glossary reader stopped (exit code ${code})`));
    return started;
  };

  return (text, file, folders) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, { file, resolve });
      const request: LoadRequest = { id, text, file, folders };
      (worker ??= start()).postMessage(request);
    });
}
