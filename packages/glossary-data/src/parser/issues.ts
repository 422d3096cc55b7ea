/** A place in a file, 1-based. */
export interface SourcePosition {
  /** The file as the user named it. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
}

/** A problem found in a glossary source, with where it is. */
export interface GlossaryIssue extends SourcePosition {
  /** What is wrong and, where it helps, how to fix it. */
  readonly message: string;
}

/**
 * Formats an issue the way compilers do, so editors and terminals can jump to it.
 * @param issue - the issue.
 * @returns `file:line:column: message`.
 */
export function formatIssue(issue: GlossaryIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

/**
 * Maps UTF-16 offsets of a text to 1-based lines and columns.
 * @param file - the file name to report.
 * @param text - the file's text.
 * @returns a function from offset to position.
 */
export function createPositionMapper(file: string, text: string): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
}
