import {
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
import { createPositionMapper, type GlossaryIssue, type SourcePosition } from './issues.js';
import { glossaryLimits, jsonTooDeepAt } from './limits.js';

/** A path into a JSON value: property names and array indexes. */
export type JsonPath = ReadonlyArray<string | number>;

/** A JSON file parsed with positions, so any value can be traced back to its line. */
export interface JsonSource {
  /** The parsed value, or `undefined` when the text is not JSON. */
  readonly value: unknown;
  /** Syntax errors, with positions. */
  readonly issues: GlossaryIssue[];
  /**
   * Finds where a value is written: the deepest part of the path that exists.
   * @param path - a path into the value.
   * @param part - `key` for the property name of the last step instead of its value.
   * @returns the position.
   */
  locate(path: JsonPath, part?: 'value' | 'key'): SourcePosition;
}

/**
 * Parses JSON text keeping the offset of every value. A byte order mark is not part of the JSON (an
 * editor does not count it as a column either); arrays and objects nested deeper than
 * `glossaryLimits.jsonNesting` are an issue, not parsed.
 * @param source - the file's text.
 * @param file - the file name used in positions.
 * @returns the value, syntax errors and a locator.
 */
export function parseJsonSource(source: string, file: string): JsonSource {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const at = createPositionMapper(file, text);
  const tooDeep = jsonTooDeepAt(text);
  if (tooDeep !== -1) {
    const levels = glossaryLimits.jsonNesting;
    const message = `JSON nested deeper than ${levels} levels; glossary files are read up to ${levels}`;
    return { value: undefined, issues: [{ ...at(tooDeep), message }], locate: () => at(0) };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  // After the first syntax error jsonc-parser's recovery reports cascades; the first one is the real one.
  const issues = errors
    .slice(0, 1)
    .map((e) => ({ ...at(e.offset), message: `invalid JSON: ${describeParseError(printParseErrorCode(e.error))}` }));
  const value: unknown = errors.length === 0 && tree ? JSON.parse(text) : undefined;

  function locate(path: JsonPath, part: 'value' | 'key' = 'value'): SourcePosition {
    if (!tree) return at(0);
    for (let n = path.length; n >= 0; n--) {
      const node: JsonNode | undefined = findNodeAtLocation(tree, path.slice(0, n) as Array<string | number>);
      if (node)
        return at(
          part === 'key' && n === path.length && node.parent?.type === 'property' ? node.parent.offset : node.offset,
        );
    }
    return at(tree.offset);
  }

  return { value, issues, locate };
}

/**
 * Turns a JSON Pointer (as Ajv reports `instancePath`) into a path.
 * @param pointer - e.g. `/entries/3/forms/0`.
 * @returns e.g. `['entries', 3, 'forms', 0]`.
 */
export function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** `PropertyNameExpected` → `property name expected`. */
function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
