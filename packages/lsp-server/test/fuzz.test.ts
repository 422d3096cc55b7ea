/**
 * Drives the in-process server with random opens, edits, hovers, completions, symbols and closes:
 * every request must be answered (a result or a proper LSP error), nothing may throw, and no
 * listener may pile up.
 */
import * as data from '@sd-glossary/data';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { expect, test } from 'vitest';
import { builtinGlossary } from '../src/builtin-glossary.js';
import { createLanguageService } from '../src/service/language-service.js';
import { DEFAULT_SETTINGS } from '../src/settings.js';
import { startInProcess } from './client.js';

const reference = createLanguageService(builtinGlossary(data));

const LANGUAGES = [
  'markdown',
  'plaintext',
  'sd-prompt',
  'json',
  'jsonc',
  'yaml',
  'toml',
  'ini',
  'properties',
  'python',
];
const PIECES = [
  'CFG',
  ' scale',
  'cfg_scale',
  'VAE',
  'vae',
  'clip_skip',
  '炸炉',
  '损失函数',
  '潜在',
  'zl',
  'Dream',
  '(',
  ':1.2)',
  '<lora:',
  '>',
  '"',
  '{',
  '}',
  '//',
  '#',
  'https://x.io/',
  '\n',
  '\r\n',
  ' ',
  '😀',
  '\\(',
  '[',
  ']',
  '，',
  'é',
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 80 }) });
const op = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), doc: fc.nat(2), languageId: fc.constantFrom(...LANGUAGES), text }),
  fc.record({
    kind: fc.constant('edit' as const),
    doc: fc.nat(2),
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    to: fc.double({ min: 0, max: 1, noNaN: true }),
    text,
  }),
  fc.record({ kind: fc.constant('hover' as const), doc: fc.nat(3), position }),
  fc.record({ kind: fc.constant('completion' as const), doc: fc.nat(3), position, invoked: fc.boolean() }),
  fc.record({ kind: fc.constant('resolve' as const), id: fc.constantFrom('cfg', 'nope', 42) }),
  fc.record({ kind: fc.constant('definition' as const), doc: fc.nat(3), position }),
  fc.record({ kind: fc.constant('symbols' as const), doc: fc.nat(3) }),
  fc.record({ kind: fc.constant('close' as const), doc: fc.nat(2) }),
);

test('thousands of random requests are all answered, and nothing leaks', async () => {
  let requests = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 80 }), async (ops) => {
      const client = startInProcess();
      await client.initialize();
      const listeners = [client.toServer.listenerCount('data'), client.toClient.listenerCount('data')];
      const mirror = new Map<number, TextDocument>();
      const uri = (doc: number) => `file:///fuzz/${doc}`;
      const pending: Array<Promise<unknown>> = [];
      const ask = (method: string, params: unknown) => {
        requests++;
        // A result, or an LSP error with a numeric code: both are answers.
        pending.push(
          client.request(method, params).catch((error: { code?: unknown }) => expect(typeof error.code).toBe('number')),
        );
      };
      for (const o of ops) {
        switch (o.kind) {
          case 'open': {
            if (mirror.has(o.doc)) break;
            mirror.set(o.doc, TextDocument.create(uri(o.doc), o.languageId, 1, o.text));
            client.open(uri(o.doc), o.languageId, o.text);
            break;
          }
          case 'edit': {
            const doc = mirror.get(o.doc);
            if (!doc) break;
            const length = doc.getText().length;
            const [a, b] = [Math.floor(o.from * length), Math.floor(o.to * length)].sort((x, y) => x - y);
            const range = { start: doc.positionAt(a!), end: doc.positionAt(b!) };
            const next = TextDocument.update(doc, [{ range, text: o.text }], doc.version + 1);
            mirror.set(o.doc, next);
            void client.connection.sendNotification('textDocument/didChange', {
              textDocument: { uri: uri(o.doc), version: next.version },
              contentChanges: [{ range, text: o.text }],
            });
            break;
          }
          case 'hover':
            ask('textDocument/hover', { textDocument: { uri: uri(o.doc) }, position: o.position });
            break;
          case 'completion':
            ask('textDocument/completion', {
              textDocument: { uri: uri(o.doc) },
              position: o.position,
              context: { triggerKind: o.invoked ? 1 : 2, triggerCharacter: 'x' },
            });
            break;
          case 'resolve':
            ask('completionItem/resolve', { label: 'x', data: { id: o.id } });
            break;
          case 'definition':
            ask('textDocument/definition', { textDocument: { uri: uri(o.doc) }, position: o.position });
            break;
          case 'symbols':
            ask('textDocument/documentSymbol', { textDocument: { uri: uri(o.doc) } });
            break;
          case 'close':
            if (!mirror.delete(o.doc)) break;
            void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(o.doc) } });
            break;
        }
      }
      await Promise.all(pending);
      // After all the edits, the server's documents are the mirror's (the protocol's reference
      // TextDocument): the same symbols, term for term, position for position.
      for (const [doc, mirrored] of mirror) {
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: uri(doc) } });
        expect(symbols).toEqual(reference.documentSymbols(mirrored, { settings: DEFAULT_SETTINGS, markdown: true }));
      }
      expect([client.toServer.listenerCount('data'), client.toClient.listenerCount('data')]).toEqual(listeners);
      await client.close();
    }),
    { numRuns: 120 },
  );
  expect(requests).toBeGreaterThan(2000);
}, 120_000);
