// A page in headless Chromium that runs the server's web worker (dist/browser.js) and speaks LSP to it
// over postMessage, as VS Code for the Web or a Monaco page does: the browser end-to-end test and
// `pnpm bench` both drive it. It serves the worker and the parser script the worker loads beside it.
// The page answers the server's requests: settings, watcher registration, and `sdGlossary/readFile`
// from the files it is given.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const WORKER = `${DIST}browser.js`;
/** The worker and the parser script it loads beside it. */
const SCRIPTS = new Set(['/browser.js', '/browser-parser.js']);

const PAGE = `<!doctype html>
<meta charset="utf-8">
<script>
  let worker;
  let nextId = 1;
  const pending = new Map();
  const files = new Map();
  window.logs = [];
  // The client's answers to the server's own requests.
  const answer = {
    'workspace/configuration': (params) => params.items.map(() => window.settings ?? {}),
    'client/registerCapability': () => null,
    'client/unregisterCapability': () => null,
    'window/workDoneProgress/create': () => null,
    'sdGlossary/readFile': ({ uri }) => (files.has(uri) ? { text: files.get(uri) } : null),
  };
  window.start = (given) => {
    for (const [uri, text] of Object.entries(given)) files.set(uri, text);
    window.started = performance.now();
    worker = new Worker('/browser.js');
    worker.onmessage = ({ data }) => {
      if (data.id !== undefined && data.method === undefined) {
        const done = pending.get(data.id);
        pending.delete(data.id);
        if (data.error) done.reject(new Error(data.error.message));
        else done.resolve(data.result);
      } else if (data.id !== undefined) {
        const handle = answer[data.method];
        worker.postMessage({ jsonrpc: '2.0', id: data.id, result: handle ? handle(data.params) : null });
      } else if (data.method === 'window/logMessage') {
        window.logs.push(data.params.message);
      }
    };
  };
  window.request = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  window.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
</script>`;

/**
 * Serves the page and the worker, and opens the page in headless Chromium.
 * @returns the page, and `close` to end it all.
 */
export async function openWorkerPage() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/setup-vscode-e2e.sh`);
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: build the package first`);
  const worker = readFileSync(WORKER);
  const server = createServer((request, response) => {
    if (request.url === '/') return void response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (SCRIPTS.has(request.url)) {
      return void response
        .writeHead(200, { 'content-type': 'text/javascript' })
        .end(readFileSync(`${DIST}${request.url.slice(1)}`));
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  return {
    page,
    workerBytes: worker.length,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What `initialize` says about the client: a web client with markdown hovers and watchers. */
export const CLIENT_CAPABILITIES = {
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown'] } },
  },
  workspace: { configuration: true, workspaceFolders: true },
};
