// The server's own JSON-RPC framing for `--stdio` (Content-Length headers, then a UTF-8 JSON body),
// in place of vscode-jsonrpc's stream reader and writer. Two things differ, both measured on the
// benchmark's 5 MB documents:
// - A message is written with one write, header and body together. The library awaits the
//   header's write before it writes the body, and any work the event loop picks up in between
//   (an index rebuild, say) holds the rest of the message back from the editor.
// - A large body (a big document's `didOpen`) is decoded as it arrives, and its long strings on
//   their own (large-body.ts): the process never holds the whole body as one JSON string, which
//   would outlive the message in V8's old generation.
// Messages are read and delivered synchronously and in order, without the library's per-message
// promises and decoder objects.
import type { Readable, Writable } from 'node:stream';
import { LargeBodyDecoder } from './large-body.js';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node.js';

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** Longest header block accepted; a stream that sends more without a blank line is not LSP. */
const MAX_HEADER_BYTES = 8192;
/** Bodies from this size on are decoded as they arrive, their long strings on their own. */
export const LARGE_BODY_BYTES = 1 << 20;

/**
 * Parses a header block (without its final blank line).
 * @returns the body's length in bytes, or an error message.
 */
export function parseHeaders(block: string): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `a header line without a name: ${JSON.stringify(line)}`;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^\d{1,15}$/.test(value)) return `Content-Length is not a byte count: ${JSON.stringify(value)}`;
      length = Number(value);
    } else if (name === 'content-type') {
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1]?.toLowerCase();
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
        return `unsupported charset ${charset}: only utf-8 is`;
    }
  }
  return length ?? 'a message without Content-Length';
}

/**
 * Reads LSP messages from a byte stream (the server's stdin). A malformed header, a body that is
 * not JSON or not a message, is reported through `onError` and skipped: the reader goes on with
 * the next message (after a header without a length, with the next chunk that arrives).
 */
export class StdioMessageReader extends AbstractMessageReader implements MessageReader {
  readonly #input: Readable;
  /** Bytes received and not yet consumed, in order. */
  #chunks: Buffer[] = [];
  #bytes = 0;
  /** The current message's body length, once its header has been read. */
  #bodyLength = -1;
  /** The current message's decoder, when its body is large. */
  #large: LargeBodyDecoder | undefined;

  /** @param input - the stream to read; it must not be read by anything else. */
  constructor(input: Readable) {
    super();
    this.#input = input;
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer): void => this.#receive(chunk, callback);
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.#input.on('data', onData).on('error', onError).on('close', onClose);
    return {
      dispose: () => {
        this.#input.off('data', onData).off('error', onError).off('close', onClose);
      },
    };
  }

  #receive(chunk: Buffer, callback: DataCallback): void {
    this.#chunks.push(chunk);
    this.#bytes += chunk.length;
    for (;;) {
      if (this.#bodyLength < 0) {
        if (!this.#readHeader()) return;
        if (this.#bodyLength >= LARGE_BODY_BYTES) this.#large = new LargeBodyDecoder(this.#bodyLength);
      }
      let message: unknown;
      try {
        message = this.#large ? this.#readLargeBody() : this.#readBody();
        if (message === undefined) return;
      } catch (error) {
        this.fireError(new Error(`skipped a message that is not JSON: ${(error as Error).message}`));
        continue;
      }
      if (typeof message !== 'object' || message === null || (message as { jsonrpc?: unknown }).jsonrpc !== '2.0') {
        this.fireError(new Error('skipped a message that is not JSON-RPC 2.0'));
        continue;
      }
      callback(message as Message);
    }
  }

  /** @returns the parsed body, or `undefined` until all of it has arrived. @throws SyntaxError when it is not JSON. */
  #readBody(): unknown {
    if (this.#bytes < this.#bodyLength) return undefined;
    const body = this.#take(this.#bodyLength);
    this.#bodyLength = -1;
    return JSON.parse(body.toString('utf8'));
  }

  /** Feeds what has arrived of a large body to its decoder, and lets go of it. @returns as `#readBody`. */
  #readLargeBody(): unknown {
    const large = this.#large!;
    while (large.remaining > 0 && this.#chunks.length > 0) {
      const first = this.#chunks[0]!;
      const part = Math.min(first.length, large.remaining);
      large.write(part === first.length ? first : first.subarray(0, part));
      this.#skip(part);
    }
    if (large.remaining > 0) return undefined;
    this.#large = undefined;
    this.#bodyLength = -1;
    return large.end();
  }

  /** Reads the next header block if it is complete. @returns whether the body length is now known. */
  #readHeader(): boolean {
    if (this.#chunks.length === 0) return false;
    let first = this.#chunks[0]!;
    let end = first.indexOf(HEADER_END);
    if (end < 0 && this.#chunks.length > 1) {
      // A header split across chunks (rare: headers are a few dozen bytes).
      first = Buffer.concat(this.#chunks);
      this.#chunks = [first];
      end = first.indexOf(HEADER_END);
    }
    if (end < 0) {
      if (this.#bytes > MAX_HEADER_BYTES) this.#drop(`no end of header in ${this.#bytes} bytes`);
      return false;
    }
    const parsed = parseHeaders(first.toString('latin1', 0, end));
    this.#skip(end + HEADER_END.length);
    if (typeof parsed === 'string') {
      // Where this message's body ends is unknown: start again with the next chunk.
      this.#drop(parsed);
      return false;
    }
    this.#bodyLength = parsed;
    return true;
  }

  /** Reports a framing error and forgets everything received so far. */
  #drop(why: string): void {
    this.fireError(new Error(`dropped ${this.#bytes} bytes of input: ${why}`));
    this.#chunks = [];
    this.#bytes = 0;
  }

  /** Removes `n` bytes from the front. */
  #skip(n: number): void {
    this.#bytes -= n;
    while (n > 0) {
      const first = this.#chunks[0]!;
      if (first.length > n) {
        this.#chunks[0] = first.subarray(n);
        return;
      }
      this.#chunks.shift();
      n -= first.length;
    }
  }

  /** Removes and returns the first `n` bytes (a view of the first chunk when they lie in it). */
  #take(n: number): Buffer {
    const first = this.#chunks[0];
    if (first !== undefined && first.length >= n) {
      const body = first.subarray(0, n);
      this.#skip(n);
      return body;
    }
    const body = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const chunk = this.#chunks[0]!;
      const part = Math.min(chunk.length, n - at);
      chunk.copy(body, at, 0, part);
      at += part;
      this.#skip(part);
    }
    return body;
  }
}

/**
 * Writes LSP messages to a byte stream (the server's stdout), each with a single write, in the
 * order given.
 */
export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  readonly #output: Writable;
  #errors = 0;

  /** @param output - the stream to write; nothing else may write to it. */
  constructor(output: Writable) {
    super();
    this.#output = output;
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const json = JSON.stringify(message);
    const frame = `Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`;
    return new Promise((resolve, reject) => {
      this.#output.write(frame, 'utf8', (error) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.#errors);
        reject(error);
      });
    });
  }

  end(): void {
    // The stream belongs to the process; it ends when the process does.
  }
}
