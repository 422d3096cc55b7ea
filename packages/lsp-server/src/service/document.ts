import type { Position, Range } from 'vscode-languageserver-types';

/**
 * The narrow view of a text document the language service needs. `TextDocument` from
 * vscode-languageserver-textdocument satisfies it; tests use the same class over plain strings.
 */
export interface ServiceDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly lineCount: number;
  /**
   * The text, or the text of a range.
   * @param range - positions are clamped to the document.
   */
  getText(range?: Range): string;
  /** Converts a position (UTF-16 character offsets) to an offset, clamped to the document. */
  offsetAt(position: Position): number;
  /** Converts an offset to a position. */
  positionAt(offset: number): Position;
}

/**
 * The text of one line without its line break (`\n` or `\r\n`).
 * @param document - the document.
 * @param line - 0-based line, below `lineCount`.
 * @returns the line's text.
 */
export function lineText(document: ServiceDocument, line: number): string {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const end = text.endsWith('\r\n') ? text.length - 2 : text.endsWith('\n') || text.endsWith('\r') ? text.length - 1 : text.length;
  return text.slice(0, end);
}
