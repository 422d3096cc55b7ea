import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { glossarySchema, overlaySchema, validateGlossaryJson } from '../src/parser/index.js';
import { formatIssue } from '../src/parser/index.js';

const dataPath = fileURLToPath(new URL('../glossary.json', import.meta.url));

describe('schemas', () => {
  test('compile with Ajv in strict mode (draft 2020-12, with $id)', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    expect(glossarySchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(glossarySchema.$id).toMatch(/^https:\/\//);
    expect(() => ajv.addSchema(glossarySchema).compile(overlaySchema)).not.toThrow();
  });

  test('the built glossary is valid', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(glossarySchema);
    expect(validate(JSON.parse(readFileSync(dataPath, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
  });

  test('the overlay is valid', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addSchema(glossarySchema);
    const validate = ajv.compile(overlaySchema);
    const overlay: unknown = JSON.parse(
      readFileSync(fileURLToPath(new URL('../source/overlay.json', import.meta.url)), 'utf8'),
    );
    expect(validate(overlay), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('validateGlossaryJson', () => {
  const text = readFileSync(dataPath, 'utf8');

  test('accepts the built document', () => {
    expect(validateGlossaryJson(text, 'glossary.json').issues).toEqual([]);
  });

  test('reports schema errors at their line', () => {
    const broken = text.replace('"category": "jargon"', '"category": "slang"');
    const line = broken.slice(0, broken.indexOf('"slang"')).split('\n').length;
    const issues = validateGlossaryJson(broken, 'glossary.json').issues.map(formatIssue);
    expect(issues[0]).toMatch(
      new RegExp(
        `^glossary\\.json:${line}:\\d+: schema: /entries/\\d+/category: must be equal to one of the allowed values$`,
      ),
    );
  });

  test('reports what the schema cannot see: an unknown see-also id, at its line', () => {
    const broken = text.replace('"seeAlso": [\n        "cfg"', '"seeAlso": [\n        "cfgg"');
    expect(broken).not.toBe(text);
    const line = broken.slice(0, broken.indexOf('"cfgg"')).split('\n').length;
    // The entry whose seeAlso list starts with "cfg": the last `"id"` before it.
    const id = [...broken.slice(0, broken.indexOf('"cfgg"')).matchAll(/\n {6}"id": "([^"]+)"/g)].at(-1)![1];
    expect(validateGlossaryJson(broken, 'g.json').issues.map(formatIssue)).toEqual([
      `g.json:${line}:9: seeAlso of "${id}" names unknown id "cfgg"`,
    ]);
  });

  test('reports syntax errors', () => {
    expect(validateGlossaryJson('{"entries": [}', 'x.json').issues.map(formatIssue)).toEqual([
      'x.json:1:14: invalid JSON: value expected',
    ]);
  });
});
