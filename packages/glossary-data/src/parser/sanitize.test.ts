import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, test } from 'vitest';
import { sanitizeMarkdown } from './sanitize.js';

/** Tags that markdown itself makes: anything else in the HTML is raw HTML that got through. */
const MARKDOWN_TAGS = new Set(
  'p strong em code pre a ul ol li table thead tbody tr th td blockquote h1 h2 h3 h4 h5 h6 hr br del'.split(' '),
);

/**
 * What VS Code's hover renderer (marked) would make of the markdown that is not safe: images,
 * raw HTML, links to anything but http(s).
 */
function unsafeIn(markdown: string): string[] {
  const html = marked.parse(markdown, { async: false });
  const found: string[] = [];
  for (const [, closing, name, attributes] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const tag = name!.toLowerCase();
    if (!MARKDOWN_TAGS.has(tag)) found.push(`<${tag}>`);
    const href = /href="([^"]*)"/.exec(attributes!)?.[1];
    if (tag === 'a' && !closing && !/^https?:/i.test(href ?? '')) found.push(`link ${href}`);
  }
  return found;
}

describe('sanitizeMarkdown', () => {
  test.each([
    ['plain **text** and `code`', 'plain **text** and `code`', []],
    ['[docs](https://example.com)', '[docs](https://example.com)', []],
    ['[a [b] c](command:x)', 'a \\[b] c', ['link to command:x']],
    ["[x](command:foo 'title')", 'x', ['link to command:foo']],
    ['[x](javascript:alert(1))', 'x', ['link to javascript:alert(1)']],
    ['[x](<command:foo bar>)', 'x', ['link to command:foo bar']],
    ['[x][r]\n\n[r]: command:evil', 'x', ['link to command:evil']],
    ['[x][r]\n\n[r]: https://ok.example/ "t"', '[x](https://ok.example/ "t")', []],
    ['<img src=x onerror=alert(1)>', '', ['raw HTML']],
    ['<a href="javascript:x">y</a>', 'y', ['raw HTML', 'raw HTML']],
    // Dropping the tags leaves the text: it is text, not a link.
    ['da<b>ta</b>:text/html,x', 'data:text/html,x', ['raw HTML', 'raw HTML']],
    ['![tracking](https://evil.example/pixel.png)', 'tracking', ['image https://evil.example/pixel.png']],
    ['![x][p]\n\n[p]: https://evil.example/p.png', 'x', ['image https://evil.example/p.png']],
    ['<command:foo>', 'command:foo', ['link to command:foo']],
    ['<https://example.com>', '<https://example.com>', []],
    [
      '| a | b |\n| - | - |\n| [c](data:text/html,x) | e |',
      '| a | b |\n| - | - |\n| c | e |',
      ['link to data:text/html,x'],
    ],
    ['过度拟合，但炸炉前的…', '过度拟合，但炸炉前的…', []],
  ])('%j', (input, markdown, dropped) => {
    expect(sanitizeMarkdown(input)).toEqual({ markdown, dropped });
  });

  test('file: links stay only where the caller allows them', () => {
    const input = '[in](file:///w/a.md) [out](file:///etc/passwd)';
    const allowFile = (url: string): boolean => url.startsWith('file:///w/');
    expect(sanitizeMarkdown(input, { allowFile })).toEqual({
      markdown: '[in](file:///w/a.md) out',
      dropped: ['link to file:///etc/passwd'],
    });
    expect(sanitizeMarkdown(input).markdown).toBe('in out');
  });

  test('markdown past the definition limits is not parsed: its text alone, markup escaped', () => {
    const deep = `[x](command:evil)\n${'> '.repeat(40)}<b>`;
    expect(sanitizeMarkdown(deep)).toEqual({
      markdown: `\\[x\\]\\(command\\:evil\\)\n${'\\> '.repeat(40)}\\<b\\>`,
      dropped: [
        'all formatting: the markdown is past the limits ' +
          '(quotes, lists or emphasis nested deeper than 32 levels; glossary text is read up to 32)',
      ],
    });
    expect(unsafeIn(sanitizeMarkdown(deep).markdown)).toEqual([]);
  });

  test('whatever the input, the output has no HTML, no image and no link but http(s)', () => {
    const piece = fc.constantFrom(
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '!',
      '"',
      "'",
      '\\',
      '`',
      '*',
      '_',
      ' ',
      '\n',
      '|',
      ':',
      'command:x',
      'javascript:y',
      'data:text/html,z',
      'https://ok.example/',
      'file:///etc/x',
      'a',
      '炸炉',
      '&lt;',
      '<img src=x>',
      '<!--',
      '-->',
      '[r]: ',
      '![',
      '](',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const { markdown } = sanitizeMarkdown(pieces.join(''));
        expect(unsafeIn(markdown)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
