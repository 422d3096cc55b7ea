// What node:fs is in the web worker's parser bundle (see build-browser.mjs): a worker has no file
// system, and the server never reads a file itself there.
export function readFileSync() {
  throw new Error('there is no file system in a web worker');
}
