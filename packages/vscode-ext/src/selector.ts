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
 * The client's document selector from the `sdGlossary.languages` setting.
 * @param languages - the setting's value, whatever the user wrote.
 * @returns one filter per (language, scheme); the defaults when the value is not a list of ids.
 */
export function documentSelector(languages: unknown): DocumentFilter[] {
  const ids = Array.isArray(languages)
    ? [...new Set(languages.filter((l): l is string => typeof l === 'string' && l.length > 0))]
    : [...DEFAULT_LANGUAGES];
  return ids.flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme })));
}
