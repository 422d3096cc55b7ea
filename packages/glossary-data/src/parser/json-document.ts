import type { Glossary } from '../glossary-types.js';
import { checkGlossary } from './check.js';
import type { GlossaryIssue } from './issues.js';
import { parseJsonSource } from './json-source.js';
import { schemaIssues, schemaValidators } from './schemas.js';

/** What `validateGlossaryJson` found. */
export interface ValidateJsonResult {
  /** The document, or `undefined` when there were issues. */
  readonly glossary: Glossary | undefined;
  /** Syntax, schema and consistency problems, with positions in the JSON text. */
  readonly issues: GlossaryIssue[];
}

/**
 * Validates a glossary JSON document: syntax, the schema (Ajv, strict) and `checkGlossary`.
 * @param text - the JSON text.
 * @param file - its path, for positions.
 * @returns the document when valid, and the issues.
 */
export function validateGlossaryJson(text: string, file: string): ValidateJsonResult {
  const json = parseJsonSource(text, file);
  if (json.value === undefined) return { glossary: undefined, issues: json.issues };
  const validate = schemaValidators().glossary;
  const issues = validate(json.value)
    ? checkGlossary(json.value, json.locate)
    : schemaIssues(validate.errors, json.locate);
  return { glossary: issues.length === 0 ? (json.value as Glossary) : undefined, issues };
}

/**
 * Writes a glossary document the one stable way it is committed: two-space JSON, a final newline.
 * Key order is the order `buildGlossary` creates, and entries are sorted by id.
 * @param glossary - the document.
 * @returns its text.
 */
export function serializeGlossary(glossary: Glossary): string {
  return `${JSON.stringify(glossary, null, 2)}\n`;
}
