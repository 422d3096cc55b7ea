/**
 * A small LSP client for tests: an in-process server over in-memory streams, or the built bin
 * spawned over stdio. Requests are awaited; nothing sleeps.
 */
import * as data from '@sd-glossary/data';
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import { createConnection } from 'vscode-languageserver/node.js';
import type { ClientCapabilities } from 'vscode-languageserver';
import { builtinGlossary } from '../src/builtin-glossary.js';
import { createServer } from '../src/server.js';
import { nodeWorkspaceFiles } from '../src/workspace/files.js';
import type { LoadGlossary } from '../src/workspace/load.js';

export const BIN = fileURLToPath(new URL('../bin/sd-glossary-lsp.js', import.meta.url));

/** What a client that renders markdown (VS Code, Neovim) announces. */
export const MARKDOWN_CLIENT: ClientCapabilities = {
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: false } },
  },
  workspace: { configuration: true },
};

/** What `initialize` must answer: every capability, statically (written out, not imported, so a change shows here). */
export const EXPECTED_CAPABILITIES = {
  textDocumentSync: { openClose: true, change: 2 },
  hoverProvider: true,
  completionProvider: { resolveProvider: true },
  definitionProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
};

export interface TestClient {
  readonly connection: MessageConnection;
  /** Settings the client answers `workspace/configuration` with. */
  settings: unknown;
  /** `window/logMessage` and other notifications received. */
  readonly notifications: Array<{ method: string; params: unknown }>;
  /** Resolves with the first notification (already received or still to come) that matches. */
  notification<P>(method: string, matches?: (params: P) => boolean): Promise<P>;
  initialize(
    capabilities?: ClientCapabilities,
    initializationOptions?: unknown,
    rootUri?: string | null,
  ): Promise<unknown>;
  open(uri: string, languageId: string, text: string, version?: number): void;
  request<R>(method: string, params: unknown): Promise<R>;
  close(): Promise<void>;
}

function wire(readable: Readable, writable: Writable, onClose: () => Promise<void>): TestClient {
  const connection = createMessageConnection(new StreamMessageReader(readable), new StreamMessageWriter(writable));
  const waiting: Array<{ method: string; matches: (params: unknown) => boolean; resolve: (params: unknown) => void }> =
    [];
  const client: TestClient = {
    connection,
    settings: null,
    notifications: [],
    notification<P>(method: string, matches: (params: P) => boolean = () => true): Promise<P> {
      const seen = client.notifications.find((n) => n.method === method && matches(n.params as P));
      if (seen) return Promise.resolve(seen.params as P);
      return new Promise<P>((resolve) =>
        waiting.push({ method, matches: matches as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void }),
      );
    },
    async initialize(capabilities = MARKDOWN_CLIENT, initializationOptions, rootUri: string | null = null) {
      const result = await connection.sendRequest('initialize', {
        processId: null,
        rootUri,
        capabilities,
        ...(initializationOptions !== undefined && { initializationOptions }),
      });
      await connection.sendNotification('initialized', {});
      return result;
    },
    open(uri, languageId, text, version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    request: (method, params) => connection.sendRequest(method, params),
    close: onClose,
  };
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
    params.items.map(() => client.settings),
  );
  connection.onNotification((method, params) => {
    client.notifications.push({ method, params });
    for (const w of [...waiting]) {
      if (w.method === method && w.matches(params)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  return client;
}

/**
 * Starts a server in this process, over in-memory streams.
 * @returns the client, plus the streams and the server (to check listeners and dispose).
 */
export function startInProcess(
  options: { workspace?: boolean; load?: LoadGlossary } = {},
): TestClient & { toServer: PassThrough; toClient: PassThrough; dispose(): void } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const server = createServer({
    connection: serverConnection,
    glossary: builtinGlossary(data),
    version: 'test',
    ...(options.workspace && {
      workspaceFiles: {
        ...nodeWorkspaceFiles((path, why) => serverConnection.console.info(`${path} is not read: ${why}`)),
        ...(options.load && { load: options.load }),
      },
    }),
  });
  serverConnection.listen();
  const client = wire(toClient, toServer, async () => {
    client.connection.dispose();
    server.dispose();
    serverConnection.dispose();
  });
  return Object.assign(client, { toServer, toClient, dispose: () => server.dispose() });
}

/**
 * Spawns the built bin over stdio.
 * @returns the client and the child process.
 */
export function spawnStdio(
  args: string[] = ['--stdio'],
): TestClient & { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const client = wire(child.stdout!, child.stdin!, async () => {
    await client.request('shutdown', null);
    await client.connection.sendNotification('exit');
    await exited;
    client.connection.dispose();
  });
  return Object.assign(client, { child, exited });
}
