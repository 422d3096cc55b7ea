// The floor of the benchmark: a server on the same library and transport (vscode-languageserver
// over stdio, its `TextDocuments`) that applies every edit as ours does, reads the document at each
// hover, and answers every hover and completion with a constant. What the benchmark's client
// measures against it is the library, the pipe, JSON-RPC and the machine's scheduling, which our
// server's figures include too.
const {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({
  capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, hoverProvider: true, completionProvider: {} },
}));
connection.onHover(({ textDocument, position }) => {
  const document = documents.get(textDocument.uri);
  // The character under the cursor, read from the current text, as a hover has to.
  const code = document?.getText().charCodeAt(document.offsetAt(position));
  return { contents: { kind: 'markdown', value: `**CFG** ${code}` } };
});
connection.onCompletion(() => ({ isIncomplete: true, items: [{ label: 'CFG' }] }));
documents.listen(connection);
connection.listen();
