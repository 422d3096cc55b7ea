import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

/** The cursor marker in test texts: `'the ‸CFG scale'` puts the cursor before `CFG`. */
export const CURSOR = '‸';

/**
 * A document and a position from a text with one cursor marker.
 * @param marked - the text, with `‸` where the cursor is.
 * @param languageId - the document's language.
 */
export function at(marked: string, languageId = 'markdown'): { document: TextDocument; position: Position } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`one ${CURSOR} expected in ${JSON.stringify(marked)}`);
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  const document = TextDocument.create('file:///test/doc', languageId, 1, text);
  return { document, position: document.positionAt(offset) };
}

/** The text a range of a document covers. */
export function textOf(document: TextDocument, range: { start: Position; end: Position }): string {
  return document.getText(range);
}
