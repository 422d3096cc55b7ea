// Apart from the parser proper: the one function that needs Node's file system, so a browser bundle
// of the parser leaves it out.
import { readFileSync } from 'node:fs';
import type { Glossary } from '../glossary-types.js';
import { parseGlossaryFile } from './glossary-file.js';
import { formatIssue } from './issues.js';

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
