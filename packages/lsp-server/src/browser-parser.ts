/**
 * The glossary parser for the web worker, a script of its own (dist/browser-parser.js) that the worker
 * loads the first time a workspace glossary is read: the worker starts without it, as the Node server
 * does. It puts the parser's functions on the worker's global scope.
 */
import { parseGlossaryFile, sanitizeMarkdown } from '@sd-glossary/data/parser';

(globalThis as { sdGlossaryParser?: unknown }).sdGlossaryParser = { parseGlossaryFile, sanitizeMarkdown };
