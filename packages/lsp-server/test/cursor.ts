import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { lineAt } from '../src/service/document.js';

/** The cursor marker in test texts: `'the ‸CFG scale'` puts the cursor before `CFG`. */
export const CURSOR = '‸';

/**
 * A document and a position from a text with one cursor marker.
 * @param marked - the text, with `‸` where the cursor is.
 * @param languageId - the document's language.
 */
export function at(marked: string, languageId = 'markdown'): { document: TextDocument; position: Position } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0 || marked.indexOf(CURSOR, offset + 1) >= 0)
    throw new Error(`one ${CURSOR} expected in ${JSON.stringify(marked)}`);
  const before = marked.slice(0, offset).split(/\r\n|\r|\n/);
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  return {
    document: TextDocument.create('file:///test/doc', languageId, 1, text),
    position: { line: before.length - 1, character: before.at(-1)!.length },
  };
}

/** The text a single-line range of a document covers. */
export function textOf(document: TextDocument, range: { start: Position; end: Position }): string {
  return lineAt(document, range.start.line).slice(range.start.character, range.end.character);
}
