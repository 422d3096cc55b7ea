// The language server as the extension ships it: bundled into dist/server.js with the glossary, whose
// source markdown is copied beside it (glossary/) for go to definition.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGlossaryIndex, glossary } from '@sd-glossary/data';
import { createServer } from '@sd-glossary/lsp-server';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';

declare const SERVER_VERSION: string;

const sourceUri = pathToFileURL(join(__dirname, '..', 'glossary', 'glossary.zh-CN.md')).href;
const connection = createConnection(ProposedFeatures.all);
createServer({
  connection,
  glossary: () => ({ index: createGlossaryIndex(glossary), sourceUri: () => sourceUri }),
  version: SERVER_VERSION,
  workspaceFiles: { read: (path) => readFile(path, 'utf8').catch(() => undefined) },
});
connection.listen();
