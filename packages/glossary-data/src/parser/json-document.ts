import type { Glossary, RichText } from '../glossary-types.js';
import { checkGlossary } from './check.js';
import type { GlossaryIssue, SourcePosition } from './issues.js';
import { parseJsonSource, type JsonPath } from './json-source.js';
import { MARKUP, definitionLimits, glossaryLimits } from './limits.js';
import { glossarySchemaIssues } from './schemas.js';

/** What `validateGlossaryJson` found. */
export interface ValidateJsonResult {
  /** The document, or `undefined` when there were issues. */
  readonly glossary: Glossary | undefined;
  /** Syntax, schema, limit and consistency problems, with positions in the JSON text. */
  readonly issues: GlossaryIssue[];
  /**
   * Where a value of the document is written.
   * @param path - a path into the document, e.g. `['entries', 3, 'definition', 'markdown']`.
   * @returns the position of the deepest part of the path that exists.
   */
  locate(path: JsonPath): SourcePosition;
}

/**
 * Validates a glossary JSON document: syntax, the schema (Ajv, strict), the limits on definitions
 * (`glossaryLimits`) and `checkGlossary`. A document over `glossaryLimits.documentCharacters`, or
 * nested deeper than `glossaryLimits.jsonNesting`, is refused unread.
 * @param text - the JSON text; a byte order mark before it is ignored.
 * @param file - its path, for positions.
 * @returns the document when valid, the issues, and where each value is written.
 */
export function validateGlossaryJson(text: string, file: string): ValidateJsonResult {
  const { documentCharacters } = glossaryLimits;
  if (text.length > documentCharacters) {
    const message =
      `the document has ${text.length.toLocaleString('en')} characters; ` +
      `glossary documents are read up to ${documentCharacters.toLocaleString('en')}`;
    return {
      glossary: undefined,
      issues: [{ file, line: 1, column: 1, message }],
      locate: () => ({ file, line: 1, column: 1 }),
    };
  }
  const json = parseJsonSource(text, file);
  const { locate } = json;
  if (json.value === undefined) return { glossary: undefined, issues: json.issues, locate };
  const schema = glossarySchemaIssues(json.value, locate);
  if (schema.length) return { glossary: undefined, issues: schema, locate };
  const glossary = json.value as Glossary;
  const issues = [...definitionIssues(glossary, locate), ...checkGlossary(glossary, locate)];
  return { glossary: issues.length === 0 ? glossary : undefined, issues, locate };
}

/**
 * Every markdown text of a document (definitions, glosses, their translations) against the definition
 * limits, and all of them together against a page's: what a server would otherwise parse to sanitise
 * them.
 */
function definitionIssues(glossary: Glossary, locate: (path: JsonPath) => SourcePosition): GlossaryIssue[] {
  const { pageCharacters, pageMarkup } = glossaryLimits;
  const issues: GlossaryIssue[] = [];
  let chars = 0;
  let markup = 0;
  const check = (rich: RichText | undefined, path: JsonPath, what: string): boolean => {
    if (!rich) return true;
    const at = locate([...path, 'markdown']);
    const found = definitionLimits(rich.markdown);
    for (const problem of found.problems) issues.push({ ...at, message: `${what}: ${problem}` });
    chars += rich.markdown.length;
    markup += found.markup;
    const total =
      chars > pageCharacters
        ? `${pageCharacters.toLocaleString('en')} characters`
        : markup > pageMarkup
          ? `${pageMarkup.toLocaleString('en')} ${MARKUP}`
          : undefined;
    if (total === undefined) return true;
    issues.push({
      ...at,
      message: `the definitions up to here have more than ${total}; glossary documents are read up to that`,
    });
    return false;
  };
  glossary.entries.every((entry, e) => {
    const path = ['entries', e];
    const name = `"${entry.id}"`;
    return (
      check(entry.definition, [...path, 'definition'], `the definition of ${name}`) &&
      check(entry.gloss, [...path, 'gloss'], `the gloss of ${name}`) &&
      Object.entries(entry.translations ?? {}).every(
        ([locale, t]) =>
          check(
            t?.definition,
            [...path, 'translations', locale, 'definition'],
            `the ${locale} definition of ${name}`,
          ) && check(t?.gloss, [...path, 'translations', locale, 'gloss'], `the ${locale} gloss of ${name}`),
      )
    );
  });
  return issues;
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
