import { readFileSync } from 'node:fs';
import { buildGlossary } from './build.js';
import { formatIssue, type GlossaryIssue } from './issues.js';
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

/**
 * Reads a glossary file from the disk (`parseGlossaryFile`), for tools that take a user's glossary
 * by path, such as the docs-site plugins.
 * @param path - a markdown page or JSON document.
 * @returns the document.
 * @throws Error naming the file and each problem as `file:line:column: message`, or the read error.
 */
export function readGlossaryFile(path: string): Glossary {
  const { glossary, issues } = parseGlossaryFile(readFileSync(path, 'utf8'), path);
  if (glossary) return glossary;
  throw new Error(`${path} is not a valid glossary:\n${issues.map(formatIssue).join('\n')}`);
}
