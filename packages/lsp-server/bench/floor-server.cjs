// The floor of the benchmark: a server on the same library and transport (vscode-languageserver
// over stdio) that keeps the documents it is sent and answers every hover and completion with a
// constant at once. What the benchmark's client measures against it is the pipe, JSON-RPC and the
// machine's scheduling, which our server's figures include too.
const { createConnection, ProposedFeatures, TextDocumentSyncKind } = require('vscode-languageserver/node');

const connection = createConnection(ProposedFeatures.all);
const documents = new Map();
connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true, completionProvider: {} },
}));
connection.onDidOpenTextDocument(({ textDocument }) => documents.set(textDocument.uri, textDocument.text));
connection.onDidChangeTextDocument(() => {});
connection.onHover(() => ({ contents: { kind: 'markdown', value: '**CFG**' } }));
connection.onCompletion(() => ({ isIncomplete: true, items: [{ label: 'CFG' }] }));
connection.listen();
