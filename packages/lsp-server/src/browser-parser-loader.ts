/**
 * What `@sd-glossary/data/parser` is in the web worker's bundle: the parser script beside the worker
 * (dist/browser-parser.js), loaded when this module is first imported, that is when the first
 * workspace glossary is read. A worker started from a blob URL has no "beside": its creator names the
 * parser's URL in `sdGlossaryParserUrl` before the worker's script runs.
 */
import type { parseGlossaryFile as Parse, sanitizeMarkdown as Sanitize } from '@sd-glossary/data/parser';

declare function importScripts(...urls: string[]): void;

const scope = globalThis as {
  sdGlossaryParser?: { parseGlossaryFile: typeof Parse; sanitizeMarkdown: typeof Sanitize };
  sdGlossaryParserUrl?: string;
  location?: { href: string };
};
if (!scope.sdGlossaryParser) {
  importScripts(scope.sdGlossaryParserUrl ?? new URL('browser-parser.js', scope.location!.href).href);
}

export const { parseGlossaryFile, sanitizeMarkdown } = scope.sdGlossaryParser!;
