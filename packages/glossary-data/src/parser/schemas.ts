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
    compiled = {
      glossary: ajv.getSchema<Glossary>(glossarySchema.$id)!,
      overlay: ajv.compile(overlaySchema),
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
