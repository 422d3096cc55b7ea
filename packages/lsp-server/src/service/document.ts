import type { Range } from 'vscode-languageserver-types';

/**
 * The narrow view of an open document the language service reads. A `TextDocument` of
 * vscode-languageserver-textdocument is one, as the server keeps them; so is any object with these
 * members (tests, other hosts).
 */
export interface ServiceDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly lineCount: number;
  /**
   * The document's text, or the text of a range of it.
   * @param range - the range; absent: the whole text.
   */
  getText(range?: Range): string;
}

/**
 * The text of one line of a document, without its line break.
 * @param document - the document.
 * @param line - 0-based line.
 * @returns the text; empty for a line past the end.
 */
export function lineAt(document: ServiceDocument, line: number): string {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const end = text.length;
  if (text.charCodeAt(end - 1) !== 10 /* \n */)
    return text.charCodeAt(end - 1) === 13 /* \r */ ? text.slice(0, -1) : text;
  return text.charCodeAt(end - 2) === 13 ? text.slice(0, -2) : text.slice(0, -1);
}
