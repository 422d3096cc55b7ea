import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import glossarySchema from '../../../../schema/glossary.schema.json' with { type: 'json' };
import overlaySchema from '../../../../schema/overlay.schema.json' with { type: 'json' };
import type { Glossary } from '../glossary-types.js';
import type { GlossaryIssue, SourcePosition } from './issues.js';
import { pointerToPath, type JsonPath } from './json-source.js';

export { glossarySchema, overlaySchema };

/** The compiled schemas: the glossary document and the overlay. */
interface Validators {
  readonly glossary: ValidateFunction<Glossary>;
  readonly overlay: ValidateFunction;
  /** The document with its entries unchecked, and one entry: see `glossarySchemaIssues`. */
  readonly document: ValidateFunction;
  readonly entry: ValidateFunction;
}

let compiled: Validators | undefined;

/**
 * Compiles both schemas once, with Ajv in strict mode.
 * @returns the validators.
 */
export function schemaValidators(): Validators {
  if (!compiled) {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addSchema(glossarySchema);
    const { $id, ...document } = glossarySchema;
    compiled = {
      glossary: ajv.getSchema<Glossary>($id)!,
      overlay: ajv.compile(overlaySchema),
      document: ajv.compile({
        ...document,
        properties: { ...document.properties, entries: { ...document.properties.entries, items: true } },
      }),
      entry: ajv.getSchema(`${$id}#/$defs/entry`)!,
    };
  }
  return compiled;
}

/**
 * Turns Ajv errors into issues at the place each one points to.
 * @param errors - Ajv's errors.
 * @param locate - where a path into the document is written.
 * @returns one issue per error.
 */
export function schemaIssues(
  errors: readonly ErrorObject[] | null | undefined,
  locate: (path: JsonPath, part?: 'value' | 'key') => SourcePosition,
): GlossaryIssue[] {
  // Ajv reports a bad property name twice: once from the name's own schema (with `propertyName`),
  // once as "property name must be valid"; the first is the useful one.
  return (errors ?? [])
    .filter((e) => e.keyword !== 'propertyNames')
    .map((e) => {
      const path = pointerToPath(e.instancePath);
      const where = e.instancePath || '(top level)';
      if (e.keyword === 'additionalProperties') {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        return { ...locate([...path, extra], 'key'), message: `schema: ${where}: unknown property "${extra}"` };
      }
      if (e.propertyName !== undefined) {
        return {
          ...locate([...path, e.propertyName], 'key'),
          message: `schema: ${where}: property name "${e.propertyName}" ${e.message ?? 'is invalid'}`,
        };
      }
      return { ...locate(path), message: `schema: ${where}: ${e.message ?? 'is invalid'}` };
    });
}

/** How many schema errors a document's check reports: enough to fix, few enough to read. */
const MAX_SCHEMA_ISSUES = 100;

/**
 * Checks a glossary document against the schema, in time linear in its size. Ajv with `allErrors`
 * copies the errors found so far for each entry that fails (a `$ref`), which is quadratic in failing
 * entries: the document is checked without its entries, then entry by entry,
 * until `MAX_SCHEMA_ISSUES` are found.
 * @param value - the parsed document.
 * @param locate - where a path into the document is written.
 * @returns the schema errors as issues, at most `MAX_SCHEMA_ISSUES` and a last one saying how many
 *   more there are; empty when the document follows the schema.
 */
export function glossarySchemaIssues(
  value: unknown,
  locate: (path: JsonPath, part?: 'value' | 'key') => SourcePosition,
): GlossaryIssue[] {
  const { document, entry } = schemaValidators();
  const errors: ErrorObject[] = document(value) ? [] : [...document.errors!];
  const entries = (value as { entries?: unknown } | null)?.entries;
  if (Array.isArray(entries)) {
    for (let i = 0; i < entries.length && errors.length <= MAX_SCHEMA_ISSUES; i++) {
      if (entry(entries[i])) continue;
      for (const e of entry.errors!) errors.push({ ...e, instancePath: `/entries/${i}${e.instancePath}` });
    }
  }
  const issues = schemaIssues(errors.slice(0, MAX_SCHEMA_ISSUES), locate);
  if (errors.length > MAX_SCHEMA_ISSUES) {
    const at = issues.at(-1)!;
    issues.push({ ...at, message: `more schema errors after this one; the first ${MAX_SCHEMA_ISSUES} are shown` });
  }
  return issues;
}
