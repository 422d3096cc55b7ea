/** Locks the public API: adding or removing an export must show up as a diff here. */
import { expect, test } from 'vitest';
import * as core from '../src/core.js';
import * as main from '../src/index.js';
import * as parser from '../src/parser/index.js';

test('@sd-glossary/data exports', () => {
  expect(Object.keys(main).sort()).toEqual([
    'charKind',
    'createAnnotator',
    'createGlossaryIndex',
    'createTermMatcher',
    'entries',
    'exportFormats',
    'exportGlossary',
    'findDiscouraged',
    'findTerms',
    'fixDiscouraged',
    'getEntry',
    'glossary',
    'isInfotext',
    'localize',
    'localizeEntry',
    'lookup',
    'search',
  ]);
});

test('@sd-glossary/data/core exports the functions of the main entry, without the built-in glossary', () => {
  const builtin = ['entries', 'findTerms', 'getEntry', 'glossary', 'localize', 'lookup', 'search'];
  expect(Object.keys(core).sort()).toEqual(
    Object.keys(main)
      .sort()
      .filter((name) => !builtin.includes(name)),
  );
});

test('@sd-glossary/data/parser exports', () => {
  expect(Object.keys(parser).sort()).toEqual([
    'buildGlossary',
    'checkGlossary',
    'checkHoverContent',
    'formatIssue',
    'glossaryLimits',
    'glossarySchema',
    'overlaySchema',
    'parseGlossaryFile',
    'parseGlossaryMarkdown',
    'readGlossaryFile',
    'sanitizeMarkdown',
    'serializeGlossary',
    'splitTermText',
    'summarize',
    'validateGlossaryJson',
  ]);
});
