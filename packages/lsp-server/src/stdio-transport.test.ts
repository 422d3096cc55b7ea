import { PassThrough, Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { Message } from 'vscode-languageserver/node.js';
import { LARGE_BODY_BYTES, parseHeaders, StdioMessageReader, StdioMessageWriter } from './stdio-transport.js';

const frame = (message: unknown, header = ''): Buffer => {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n${header}\r\n`), body]);
};

/** A reader over a stream the test pushes chunks into, collecting messages and errors. */
function reading(): { push(...chunks: Buffer[]): void; messages: Message[]; errors: string[] } {
  const input = new PassThrough();
  const reader = new StdioMessageReader(input);
  const messages: Message[] = [];
  const errors: string[] = [];
  reader.onError((e) => errors.push(e.message));
  reader.listen((m) => messages.push(m));
  return { push: (...chunks) => chunks.forEach((c) => input.emit('data', c)), messages, errors };
}

const hover = {
  jsonrpc: '2.0',
  id: 1,
  method: 'textDocument/hover',
  params: { textDocument: { uri: 'file:///炸炉.md' }, position: { line: 0, character: 2 } },
};
const note = { jsonrpc: '2.0', method: 'initialized', params: {} };

describe('parseHeaders', () => {
  test.each([
    ['Content-Length: 12', 12],
    ['content-length:7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8', 7],
    ['Content-Type: application/vscode-jsonrpc; charset=utf8\r\nCONTENT-LENGTH: 0', 0],
    ['Content-Type: application/vscode-jsonrpc', 'a message without Content-Length'],
    ['Content-Length: 12x', 'Content-Length is not a byte count: "12x"'],
    [
      'Content-Length: 3\r\nContent-Type: application/json; charset=latin1',
      'unsupported charset latin1: only utf-8 is',
    ],
    ['Content-Length 3', 'a header line without a name: "Content-Length 3"'],
  ])('%j → %j', (block, expected) => {
    expect(parseHeaders(block)).toBe(expected);
  });
});

describe('StdioMessageReader', () => {
  test('messages cut at every byte, and several in one chunk, arrive whole and in order', () => {
    const bytes = Buffer.concat([
      frame(hover),
      frame(note, 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n'),
      frame(hover),
    ]);
    const oneByOne = reading();
    for (let i = 0; i < bytes.length; i++) oneByOne.push(bytes.subarray(i, i + 1));
    const together = reading();
    together.push(bytes);
    for (const r of [oneByOne, together]) {
      expect(r.messages).toEqual([hover, note, hover]);
      expect(r.errors).toEqual([]);
    }
  });

  test('a large body (a big document opened) arrives whole, cut into pipe-sized chunks', () => {
    const text = '## 第 1 节：炸炉了\nCFG scale: 7, "Clip skip": 2 😀\r\n'.repeat(Math.ceil(LARGE_BODY_BYTES / 40));
    const open = {
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri: 'file:///a.md', languageId: 'markdown', version: 1, text } },
    };
    const bytes = Buffer.concat([frame(open), frame(hover)]);
    expect(bytes.length).toBeGreaterThan(LARGE_BODY_BYTES);
    const r = reading();
    for (let at = 0; at < bytes.length; at += 65536) r.push(bytes.subarray(at, at + 65536));
    expect(r.messages).toEqual([open, hover]);
    expect(r.errors).toEqual([]);
  });

  test('a body that is not JSON, or not JSON-RPC, is reported and skipped; the next message is read', () => {
    const bad = Buffer.from('{"jsonrpc":');
    const r = reading();
    r.push(Buffer.from(`Content-Length: ${bad.length}\r\n\r\n`), bad, frame([1, 2]), frame(note));
    expect(r.messages).toEqual([note]);
    expect(r.errors).toEqual([
      expect.stringMatching(/^skipped a message that is not JSON: /),
      'skipped a message that is not JSON-RPC 2.0',
    ]);
  });

  test('a header without a length is reported, what came with it dropped, and reading resumes with the next chunk', () => {
    const r = reading();
    r.push(Buffer.from('Content-Type: application/vscode-jsonrpc\r\n\r\n{"jsonrpc":"2.0"}'), frame(note));
    expect(r.messages).toEqual([note]);
    expect(r.errors).toEqual(['dropped 17 bytes of input: a message without Content-Length']);
  });

  test('bytes that never end a header are dropped once they are too many to be one', () => {
    const r = reading();
    r.push(Buffer.alloc(10_000, 'x'), frame(note));
    expect(r.messages).toEqual([note]);
    expect(r.errors).toEqual(['dropped 10000 bytes of input: no end of header in 10000 bytes']);
  });
});

describe('StdioMessageWriter', () => {
  test('writes each message with one write, its length counted in UTF-8 bytes', async () => {
    const writes: Buffer[] = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        writes.push(chunk);
        done();
      },
    });
    const writer = new StdioMessageWriter(output);
    await writer.write(hover as Message);
    await writer.write(note as Message);
    expect(writes.map((w) => w.toString('utf8'))).toEqual([
      frame(hover).toString('utf8'),
      frame(note).toString('utf8'),
    ]);
  });

  test('a failed write rejects and is reported with the message and a count', async () => {
    const output = new Writable({
      write(_chunk, _encoding, done) {
        done(new Error('EPIPE'));
      },
    });
    output.on('error', () => {});
    const writer = new StdioMessageWriter(output);
    const reported: Array<[string, unknown, number | undefined]> = [];
    writer.onError(([error, message, count]) => reported.push([error.message, message, count]));
    await expect(writer.write(note as Message)).rejects.toThrow('EPIPE');
    expect(reported).toContainEqual(['EPIPE', note, 1]);
  });
});
