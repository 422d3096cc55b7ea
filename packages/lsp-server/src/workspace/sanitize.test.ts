import { describe, expect, test } from 'vitest';
import { sanitizeMarkdown } from './sanitize.js';

describe('sanitizeMarkdown', () => {
  test.each([
    ['plain **text** and `code`', 'plain **text** and `code`'],
    [
      '[docs](https://example.com) and [file](file:///tmp/a.md)',
      '[docs](https://example.com) and [file](file:///tmp/a.md)',
    ],
    ['[click](command:workbench.action.reloadWindow)', 'click'],
    ['[x](javascript:alert(1))', 'x)'],
    ['[x](vscode://settings)', 'x'],
    ['<script>alert(1)</script> hi', 'alert(1) hi'],
    ['<img src=x onerror=alert(1)>', ''],
    ['![tracking](https://evil.example/pixel.png)', 'tracking'],
    ['<!-- hidden --> shown', ' shown'],
    ['<command:foo>', '`command:foo`'],
    ['<https://example.com>', '<https://example.com>'],
  ])('%j', (input, output) => {
    expect(sanitizeMarkdown(input)).toBe(output);
  });
});
