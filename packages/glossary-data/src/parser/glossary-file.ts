import { buildGlossary } from './build.js';
import type { GlossaryIssue } from './issues.js';
import { validateGlossaryJson } from './json-document.js';
import type { Glossary } from '../glossary-types.js';

/**
 * Reads a glossary file's text as its name says: a `.json` file is a glossary document
 * (`validateGlossaryJson`), anything else a markdown page in the built-in layout (`buildGlossary`,
 * its language unknown).
 * @param text - the file's text.
 * @param file - its path, for the issues' positions and the entries' sources.
 * @returns the document, or `undefined` and the issues with `file:line:column` positions.
 */
export function parseGlossaryFile(
  text: string,
  file: string,
): { readonly glossary: Glossary | undefined; readonly issues: GlossaryIssue[] } {
  return /\.json$/i.test(file)
    ? validateGlossaryJson(text, file)
    : buildGlossary({ markdown: text, markdownFile: file, locale: 'und' });
}
