/**
 * The server's own requests, beyond LSP: a client may send the first two (the VS Code extension's
 * Search Terms and Insert Term use them, so the client holds no glossary of its own); the server in a
 * browser sends the third, as it has no file system.
 */

/** One term as a picker lists it. */
export interface TermItem {
  /** The entry's id, for `sdGlossary/describeTerm`. */
  readonly id: string;
  /** The headword. */
  readonly label: string;
  /** Every other name: forms, the translated headword, pinyin and initials (so a picker's filter finds them). */
  readonly description: string;
  /** The one-line summary, in the language hovers use. */
  readonly detail: string;
}

/** `sdGlossary/terms`: every term the server explains (workspace glossaries included), sorted by headword. */
export const TERMS_REQUEST = 'sdGlossary/terms';
/** The answer to `sdGlossary/terms`. */
export interface TermsResult {
  readonly items: readonly TermItem[];
}

/** `sdGlossary/describeTerm`: one entry as a hover shows it in full, as markdown. */
export const DESCRIBE_TERM_REQUEST = 'sdGlossary/describeTerm';
/** The parameters of `sdGlossary/describeTerm`. */
export interface DescribeTermParams {
  readonly id: string;
}
/** The answer to `sdGlossary/describeTerm`: `null` for an id the server does not know. */
export type DescribeTermResult = { readonly markdown: string } | null;

/**
 * `sdGlossary/readFile`, from the server to the client: the text of a workspace glossary file. The
 * server in a web worker asks for it; the client reads it (`vscode.workspace.fs` in VS Code for the
 * Web) and answers `null` when the file is not there or may not be read (an untrusted workspace).
 */
export const READ_FILE_REQUEST = 'sdGlossary/readFile';
/** The parameters of `sdGlossary/readFile`. */
export interface ReadFileParams {
  /** The file's URI, as the client named its workspace folders. */
  readonly uri: string;
}
/** The answer to `sdGlossary/readFile`. */
export type ReadFileResult = { readonly text: string } | null;
