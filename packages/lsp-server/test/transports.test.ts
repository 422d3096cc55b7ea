/** The other transports of the bin: Node IPC and a TCP socket the client listens on. */
import { fork, spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node.js';
import { expect, test } from 'vitest';
import { BIN } from './client.js';

async function initializeAndHover(connection: MessageConnection): Promise<unknown> {
  connection.listen();
  const init = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', {
    processId: null,
    rootUri: null,
    capabilities: {},
  });
  expect(init.serverInfo.name).toBe('sd-glossary-lsp');
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: 'file:///t.md', languageId: 'markdown', version: 1, text: 'a VAE' },
  });
  const hover = await connection.sendRequest<{ range: unknown }>('textDocument/hover', {
    textDocument: { uri: 'file:///t.md' },
    position: { line: 0, character: 3 },
  });
  await connection.sendRequest('shutdown', null);
  await connection.sendNotification('exit');
  return hover.range;
}

const VAE = { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } };

test('--node-ipc', async () => {
  const child = fork(BIN, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  expect(await initializeAndHover(connection)).toEqual(VAE);
  expect(await exited).toBe(0);
  connection.dispose();
});

test('--socket=<port>: the server connects to the client', async () => {
  const server = createServer();
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const child = spawn(process.execPath, [BIN, `--socket=${port}`], { stdio: 'inherit' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const socket = await accepted;
  const connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
  expect(await initializeAndHover(connection)).toEqual(VAE);
  expect(await exited).toBe(0);
  connection.dispose();
  server.close();
});
