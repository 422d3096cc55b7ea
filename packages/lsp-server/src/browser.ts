/**
 * The server in a web worker (VS Code for the Web, a Monaco page): the same server and service as the
 * Node entry, over the worker's messages. The built-in glossary has no source file here, and the
 * client reads workspace glossaries for it (`sdGlossary/readFile`).
 */
import { createGlossaryIndex, glossary } from '@sd-glossary/data';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser.js';
import { createServer } from './server.js';
import { clientWorkspaceFiles } from './workspace/client-files.js';

declare const SERVER_VERSION: string;

// The worker's global scope is the port its messages come and go on.
const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
createServer({
  connection,
  glossary: () => ({ index: createGlossaryIndex(glossary), sourceUri: () => undefined }),
  version: SERVER_VERSION,
  workspaceFiles: clientWorkspaceFiles(connection),
});
connection.listen();
