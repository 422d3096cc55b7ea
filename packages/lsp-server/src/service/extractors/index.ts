import { json } from './json.js';
import { markdown } from './markdown.js';
import { wholeLine, type Extractor } from './regions.js';

export type { Extractor, Region } from './regions.js';

/**
 * Which extractor reads which language id. Prompts and wildcard lists, YAML, TOML and INI have no
 * syntax that hides a term (keys, values and comments are all read), so they read the whole line.
 */
export const EXTRACTORS: Readonly<Record<string, Extractor>> = {
  markdown,
  plaintext: wholeLine,
  'sd-prompt': wholeLine,
  json,
  jsonc: json,
  yaml: wholeLine,
  toml: wholeLine,
  ini: wholeLine,
  properties: wholeLine,
};

/**
 * The extractor for a language id; unknown ids read like plain text.
 * @param languageId - the document's language id.
 */
export function extractorFor(languageId: string): Extractor {
  return Object.hasOwn(EXTRACTORS, languageId) ? EXTRACTORS[languageId]! : wholeLine;
}
