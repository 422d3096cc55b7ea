/**
 * The built-in glossary's sources and metadata, shared by the build script and the drift test so both
 * build exactly the same document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildGlossary, type BookPageInput, type BuildGlossaryResult } from '../src/parser/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Path of the committed document, absolute. */
export const outputPath = `${packageDir}glossary.json`;

/** The book's other pages the overlay takes text from: `source/book/<path>.md`, published at `<site>/<path>`. */
function bookPages(read: (rel: string) => string): BookPageInput[] {
  const files = readdirSync(`${packageDir}source/book`, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.split('\\').join('/'))
    .sort();
  return files.map((f) => {
    const path = f.slice(0, -'.md'.length);
    return {
      path,
      file: `source/book/${f}`,
      markdown: read(`source/book/${f}`),
      url: `https://guide.novelai.dev/${path}`,
    };
  });
}

/**
 * Builds the built-in glossary from source/glossary.zh-CN.md, source/editorial.zh-CN.md, source/book/,
 * source/overlay.json and source/glossary.en.md.
 * @returns the document or the issues, with paths relative to the package.
 */
export function buildBuiltinGlossary(): BuildGlossaryResult {
  const pkg = JSON.parse(readFileSync(`${packageDir}package.json`, 'utf8')) as { version: string };
  const read = (rel: string): string => readFileSync(`${packageDir}${rel}`, 'utf8');
  return buildGlossary({
    markdown: read('source/glossary.zh-CN.md'),
    markdownFile: 'source/glossary.zh-CN.md',
    overlay: read('source/overlay.json'),
    overlayFile: 'source/overlay.json',
    locale: 'zh-CN',
    version: pkg.version,
    license: {
      spdx: 'GFDL-1.3-or-later',
      notice:
        'Copyright (C) 2022 StableDiffusionBook. Permission is granted to copy, distribute and/or modify ' +
        'this document under the terms of the GNU Free Documentation License, Version 1.3 or any later version ' +
        'published by the ' +
        'Free Software Foundation; with no Invariant Sections, no Front-Cover Texts, and no Back-Cover Texts. ' +
        'Forms of origin "editorial" and all seeAlso links are additions by SD Glossary. ' +
        'Entries of origin "editorial": Copyright (C) 2026 SD Glossary contributors. They are released under ' +
        'the same licence, GFDL-1.3-or-later.',
      url: 'https://www.gnu.org/licenses/fdl-1.3.html',
    },
    source: { title: '术语解释', url: 'https://guide.novelai.dev/advanced/glossary', file: 'source/glossary.zh-CN.md' },
    translations: [
      {
        locale: 'en',
        markdown: read('source/glossary.en.md'),
        file: 'source/glossary.en.md',
        notice:
          'English translation by SD Glossary of the text above, itself under the GNU Free Documentation License, ' +
          'Version 1.3 or any later version; the original Chinese text is kept in every entry. ' +
          'For entries of origin "editorial" it is the English text of SD Glossary\'s own entry.',
      },
    ],
    editorial: { markdown: read('source/editorial.zh-CN.md'), file: 'source/editorial.zh-CN.md' },
    book: bookPages(read),
  });
}
