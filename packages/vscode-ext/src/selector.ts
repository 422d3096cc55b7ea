/** A document filter, as vscode-languageclient takes it (kept free of the `vscode` module for tests). */
export interface DocumentFilter {
  readonly language: string;
  readonly scheme: string;
}

/** The languages served when `sdGlossary.languages` is not set. */
export const DEFAULT_LANGUAGES: readonly string[] = [
  'markdown',
  'plaintext',
  'sd-prompt',
  'json',
  'jsonc',
  'yaml',
  'toml',
  'ini',
];

/** Schemes served: files on disk and unsaved editors. */
export const SCHEMES: readonly string[] = ['file', 'untitled'];

/**
 * Schemes served in VS Code for the Web, beside those: the virtual file systems of vscode.dev and
 * github.dev (`vscode-vfs`), a remote's files (`vscode-remote`) and the test web host's (`vscode-test-web`).
 */
export const WEB_SCHEMES: readonly string[] = [...SCHEMES, 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

/**
 * The client's document selector from the `sdGlossary.languages` setting.
 * @param languages - the setting's value, whatever the user wrote.
 * @param schemes - the schemes served (`SCHEMES`, or `WEB_SCHEMES` in a browser).
 * @returns one filter per (language, scheme); the defaults when the value is not a list of ids.
 */
export function documentSelector(languages: unknown, schemes: readonly string[] = SCHEMES): DocumentFilter[] {
  const ids = Array.isArray(languages)
    ? [...new Set(languages.filter((l): l is string => typeof l === 'string' && l.length > 0))]
    : [...DEFAULT_LANGUAGES];
  return ids.flatMap((language) => schemes.map((scheme) => ({ language, scheme })));
}
