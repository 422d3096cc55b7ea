// The worker thread behind `workerLoader`: reads one glossary at a time, in the order asked, so
// answers come back in that order.
import { parentPort } from 'node:worker_threads';
import type { LoadRequest } from './workspace/load-in-worker.js';
import { loadGlossary } from './workspace/load.js';

let queue = Promise.resolve();
parentPort!.on('message', ({ id, text, file, folders }: LoadRequest) => {
  queue = queue.then(async () => parentPort!.postMessage({ id, result: await loadGlossary(text, file, folders) }));
});
