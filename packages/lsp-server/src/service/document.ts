/**
 * The narrow view of an open document the language service needs: its lines. The server keeps
 * documents as `LineDocument`s; tests use the same class.
 */
export interface ServiceDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly lineCount: number;
  /**
   * The text of one line, without its line break.
   * @param line - 0-based line.
   * @returns the text; empty for a line past the end.
   */
  lineAt(line: number): string;
}
