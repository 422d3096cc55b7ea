import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Documents larger than this (UTF-16 code units) are not explained, and the server keeps no copy of
 * them: every edit of a document copies it whole, and a copy of a 20 MB file per keystroke costs
 * far more memory than any prompt or config needs. A document that grows past it is dropped too.
 */
export const MAX_DOCUMENT_LENGTH = 10 * 1024 * 1024;

/**
 * The open documents, kept by vscode-languageserver's `TextDocuments` with one difference: a
 * document over `MAX_DOCUMENT_LENGTH` is kept empty (its requests find no term) until it is closed.
 * @param tooLarge - told once per document that is dropped, with its length.
 * @returns the documents; call `listen(connection)` on them.
 */
export function createDocuments(tooLarge: (uri: string, length: number) => void): TextDocuments<TextDocument> {
  const dropped = new Set<string>();
  const drop = (document: TextDocument, length: number): TextDocument => {
    if (!dropped.has(document.uri)) tooLarge(document.uri, length);
    dropped.add(document.uri);
    return TextDocument.create(document.uri, document.languageId, document.version, '');
  };
  const documents = new TextDocuments<TextDocument>({
    create(uri, languageId, version, content) {
      dropped.delete(uri);
      const document = TextDocument.create(uri, languageId, version, content);
      return content.length > MAX_DOCUMENT_LENGTH ? drop(document, content.length) : document;
    },
    update(document, changes, version) {
      if (dropped.has(document.uri)) return TextDocument.update(document, [], version);
      const next = TextDocument.update(document, changes, version);
      const length = next.getText().length;
      return length > MAX_DOCUMENT_LENGTH ? drop(next, length) : next;
    },
  });
  documents.onDidClose(({ document }) => dropped.delete(document.uri));
  return documents;
}
