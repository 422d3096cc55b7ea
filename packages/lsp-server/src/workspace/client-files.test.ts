import type { Connection } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { READ_FILE_REQUEST } from '../protocol.js';
import { clientWorkspaceFiles } from './client-files.js';

const FOLDER = 'vscode-vfs://github/example/docs';

/** A connection whose client answers `sdGlossary/readFile` with `answer`, recording what was asked. */
function connectionAnswering(answer: (uri: string) => unknown): { connection: Connection; asked: string[] } {
  const asked: string[] = [];
  const connection = {
    sendRequest: (method: string, params: { uri: string }) => {
      expect(method).toBe(READ_FILE_REQUEST);
      asked.push(params.uri);
      return Promise.resolve().then(() => answer(params.uri));
    },
  } as unknown as Connection;
  return { connection, asked };
}

describe('workspace glossaries read by the client', () => {
  test('a file inside a workspace folder: its text', async () => {
    const { connection } = connectionAnswering(() => ({ text: '## x\n\ny。\n' }));
    const files = clientWorkspaceFiles(connection);
    expect(await files.read(`${FOLDER}/sd-glossary.md`, { folders: [FOLDER], own: false })).toBe('## x\n\ny。\n');
  });

  test('outside every folder: not even asked for, unless it is the user’s own', async () => {
    const { connection, asked } = connectionAnswering(() => ({ text: 'x' }));
    const files = clientWorkspaceFiles(connection);
    const outside = 'vscode-vfs://github/example/other/sd-glossary.md';
    expect(await files.read(outside, { folders: [FOLDER], own: false })).toBeUndefined();
    expect(asked).toEqual([]);
    expect(await files.read(outside, { folders: [FOLDER], own: true })).toBe('x');
  });

  test.each([
    ['no file', () => null],
    ['not text', () => ({ text: 42 })],
    ['longer than a glossary may be', () => ({ text: 'x'.repeat(4 * 1024 * 1024 + 1) })],
    [
      'a client without the request',
      () => {
        throw new Error('Unhandled method sdGlossary/readFile');
      },
    ],
  ])('%s: nothing', async (_, answer) => {
    const files = clientWorkspaceFiles(connectionAnswering(answer).connection);
    expect(await files.read(`${FOLDER}/sd-glossary.md`, { folders: [FOLDER], own: false })).toBeUndefined();
  });
});

describe('normalised URIs', () => {
  test('inside: same scheme and authority, a path under the folder, no dot segments', async () => {
    const { isInside, normalizeUri } = await import('./uris.js');
    const folder = normalizeUri('file:///home/me/docs')!;
    expect(isInside(folder, normalizeUri('file:///home/me/docs/sd-glossary.md')!)).toBe(true);
    expect(isInside(folder, normalizeUri('file:///home/me/docs')!)).toBe(false);
    expect(isInside(folder, normalizeUri('file:///home/me/docs-old/x.md')!)).toBe(false);
    expect(isInside(folder, normalizeUri('file:///home/me/docs/../secret.md')!)).toBe(false);
    expect(isInside(folder, normalizeUri('vscode-vfs://github/home/me/docs/x.md')!)).toBe(false);
    expect(normalizeUri('file:///C:/Users/me/x.md')).toBe(normalizeUri('file:///c%3A/Users/me/x.md'));
    expect(normalizeUri('not a uri')).toBeUndefined();
  });
});
