/** Locks the public API: adding or removing an export, or an entry point, must show up as a diff here. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import * as main from '../src/index.js';
import * as protocol from '../src/protocol.js';
import * as service from '../src/service.js';
import * as settings from '../src/settings.js';

test('entry points', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    exports: Record<string, unknown>;
    bin: Record<string, string>;
  };
  expect(Object.keys(pkg.exports)).toEqual([
    '.',
    './settings',
    './protocol',
    './service',
    './browser',
    './package.json',
  ]);
  expect(pkg.bin).toEqual({ 'sd-glossary-lsp': './bin/sd-glossary-lsp.js' });
});

test('@sd-glossary/lsp-server exports', () => {
  expect(Object.keys(main).sort()).toEqual([
    'DEFAULT_SETTINGS',
    'DESCRIBE_TERM_REQUEST',
    'EXTRACTORS',
    'LOCALE_CHOICES',
    'SERVER_CAPABILITIES',
    'TERMS_REQUEST',
    'builtinGlossary',
    'createLanguageService',
    'createServer',
    'extractorFor',
    'lineAt',
    'localesToShow',
    'parseSettings',
    'servesLanguage',
  ]);
});

test('@sd-glossary/lsp-server/settings exports', () => {
  expect(Object.keys(settings).sort()).toEqual([
    'DEFAULT_SETTINGS',
    'LOCALE_CHOICES',
    'SEVERITY_CHOICES',
    'isAbsolutePath',
    'isUserGlossaryPath',
    'localesToShow',
    'parseSettings',
    'servesLanguage',
  ]);
});

test('@sd-glossary/lsp-server/protocol exports', () => {
  expect(Object.keys(protocol).sort()).toEqual(['DESCRIBE_TERM_REQUEST', 'READ_FILE_REQUEST', 'TERMS_REQUEST']);
});

test('@sd-glossary/lsp-server/service exports', () => {
  expect(Object.keys(service).sort()).toEqual(['createLanguageService', 'lineAt']);
});
