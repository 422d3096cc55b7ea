import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const schemaPath = fileURLToPath(new URL('../../../schema/glossary.schema.json', import.meta.url));

/**
 * Renders the TypeScript types of the glossary document from its JSON Schema.
 * @returns the text of src/glossary-types.ts.
 */
export async function renderGlossaryTypes(): Promise<string> {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as JSONSchema;
  return compile(schema, 'Glossary', {
    bannerComment:
      '/* Generated from schema/glossary.schema.json by scripts/gen-types.ts. ' +
      'Do not edit: change the schema and run `pnpm gen:types`. */',
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}
