// Decodes a large JSON-RPC body (a 5 MB `didOpen`, say) as it arrives. The bytes outside long
// strings form a small "skeleton" that `JSON.parse` reads; each long string is unescaped straight
// from the body into UTF-8 bytes, made a string with one `toString('utf8')`, and put back into the
// parsed message in place of a placeholder. Decoding the whole body to one JSON string and parsing
// that, as vscode-jsonrpc does, holds the body's text twice on the V8 heap at once; and since both
// are young large objects, allocating the second collects the young generation while the first is
// alive, which moves the soon dead JSON text to the old generation, where it stays until a full
// collection (measured: 7.9 MB for the benchmark's 5 MB markdown document).
/** A string whose raw bytes reach this length is decoded on its own. */
export const LONG_STRING_BYTES = 64 * 1024;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const SIMPLE_ESCAPES: Record<number, number> = {
  0x22: 0x22,
  0x5c: 0x5c,
  0x2f: 0x2f,
  0x62: 8,
  0x66: 12,
  0x6e: 10,
  0x72: 13,
  0x74: 9,
};

/** A long string: its UTF-8 bytes in `#out`, and any lone surrogates (`\ud800`) to insert. */
interface LongString {
  readonly start: number;
  end: number;
  /** Surrogates escaped without their other half, which UTF-8 cannot carry: where they go, and what they are. */
  readonly lone: Array<{ at: number; unit: number }>;
}

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  return -1;
}

/**
 * One JSON body of known length, fed in pieces. Equivalent to `JSON.parse(body.toString('utf8'))`:
 * the bytes of a long string reach `toString` as they were, with escapes turned into the UTF-8
 * of what they stand for, so that invalid UTF-8 becomes U+FFFD just as there (an escape's bytes
 * never continue a sequence cut short before it).
 */
export class LargeBodyDecoder {
  readonly #length: number;
  #received = 0;
  /** The body without its long strings' contents; grows as needed. */
  #skeleton: Buffer;
  #skeletonLength = 0;
  /** The long strings' UTF-8 bytes, one after the other; allocated when the first one is found. */
  #out: Buffer | undefined;
  #outLength = 0;
  readonly #strings: LongString[] = [];
  // Where the reader is: outside strings, in a short string (copied raw), or in a long one (decoded).
  #state: 'outside' | 'short' | 'long' = 'outside';
  /** In a short string: the byte after a backslash is skipped. */
  #escaped = false;
  /** For each open object or array, whether it is an object. */
  readonly #inObject: boolean[] = [];
  /** The next string outside any is an object's key (after `{` or a `,` in an object). */
  #expectKey = false;
  /** The current string is a key. */
  #isKey = false;
  /** Skeleton offset of the current string's opening quote. */
  #stringStart = 0;
  // Unescaping state of a long string: 0 none, 1 after `\`, 2–5 in `\uXXXX` (its value so far in
  // `#hex`); and a high surrogate waiting for its low half.
  #escape = 0;
  #hex = 0;
  #high = 0;
  #error: SyntaxError | undefined;
  readonly #placeholder = `\u0000sd-glossary-lsp long string ${Math.random().toString(36).slice(2)} `;
  readonly #longStringBytes: number;

  /**
   * @param length - the body's length in bytes (its Content-Length).
   * @param longStringBytes - raw length from which a string is decoded on its own (tests make it small).
   */
  constructor(length: number, longStringBytes = LONG_STRING_BYTES) {
    this.#length = length;
    this.#longStringBytes = longStringBytes;
    this.#skeleton = Buffer.allocUnsafe(Math.min(length, 64 * 1024));
  }

  /** Bytes still expected. */
  get remaining(): number {
    return this.#length - this.#received;
  }

  /**
   * Feeds the next bytes of the body. A syntax error found on the way (a control character or a
   * bad escape in a long string) is kept for `end`, and the rest of the body is only counted.
   */
  write(bytes: Buffer): void {
    this.#received += bytes.length;
    if (this.#error) return;
    try {
      let i = 0;
      while (i < bytes.length) {
        if (this.#state === 'long') i = this.#decode(bytes, i);
        else i = this.#copy(bytes, i);
      }
    } catch (error) {
      this.#error = error as SyntaxError;
    }
  }

  /**
   * Parses the body once all of it has been written.
   * @returns the parsed body.
   * @throws SyntaxError when the body is not JSON.
   */
  end(): unknown {
    if (this.#error) throw this.#error;
    if (this.#state === 'long') throw new SyntaxError('the body ends inside a string');
    const skeleton = this.#skeleton.toString('utf8', 0, this.#skeletonLength);
    if (this.#strings.length === 0) return JSON.parse(skeleton);
    const out = this.#out!;
    const strings = this.#strings.map(({ start, end, lone }) => {
      if (lone.length === 0) return out.toString('utf8', start, end);
      const pieces: string[] = [];
      let at = start;
      for (const surrogate of lone) {
        pieces.push(out.toString('utf8', at, surrogate.at), String.fromCharCode(surrogate.unit));
        at = surrogate.at;
      }
      pieces.push(out.toString('utf8', at, end));
      return pieces.join('');
    });
    const placeholder = this.#placeholder;
    return JSON.parse(skeleton, (_key, value: unknown) =>
      typeof value === 'string' && value.startsWith(placeholder)
        ? strings[Number(value.slice(placeholder.length))]
        : value,
    );
  }

  /** Copies bytes to the skeleton until a short string turns long. @returns where it stopped. */
  #copy(bytes: Buffer, from: number): number {
    let i = from;
    for (; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (this.#state === 'outside') {
        if (b === QUOTE) {
          this.#state = 'short';
          this.#isKey = this.#expectKey;
          this.#stringStart = this.#skeletonLength + (i - from);
        } else this.#structure(b);
      } else if (this.#escaped) this.#escaped = false;
      else if (b === BACKSLASH) this.#escaped = true;
      else if (b === QUOTE) this.#state = 'outside';
      else if (!this.#isKey && this.#skeletonLength + (i - from) - this.#stringStart >= this.#longStringBytes) break;
    }
    this.#append(bytes, from, i);
    if (i < bytes.length) this.#turnLong();
    return i;
  }

  /** Follows objects and arrays, to tell keys (which stay in the skeleton) from values. */
  #structure(b: number): void {
    if (b === 0x7b) {
      this.#inObject.push(true);
      this.#expectKey = true;
    } else if (b === 0x5b) {
      this.#inObject.push(false);
      this.#expectKey = false;
    } else if (b === 0x7d || b === 0x5d) {
      this.#inObject.pop();
      this.#expectKey = false;
    } else if (b === 0x2c) this.#expectKey = this.#inObject.at(-1) === true;
    else if (b === 0x3a) this.#expectKey = false;
  }

  /** The current string is long: decodes what was copied of it, and goes on decoding. */
  #turnLong(): void {
    const raw = this.#skeleton.subarray(this.#stringStart + 1, this.#skeletonLength);
    this.#skeletonLength = this.#stringStart;
    this.#state = 'long';
    this.#escape = 0;
    this.#high = 0;
    // Long strings take at most the body's bytes.
    this.#out ??= Buffer.allocUnsafe(this.#length);
    this.#strings.push({ start: this.#outLength, end: this.#outLength, lone: [] });
    // `raw` is a view of the skeleton past its new length; it holds no closing quote, so decoding
    // it writes nothing to the skeleton.
    this.#decode(raw, 0);
  }

  /** Unescapes a long string's bytes into `#out` until its closing quote. @returns where it stopped. */
  #decode(bytes: Buffer, from: number): number {
    const out = this.#out!;
    let i = from;
    while (i < bytes.length) {
      const b = bytes[i]!;
      if (this.#escape === 0) {
        if (b === QUOTE || b === BACKSLASH || b < 0x20) {
          this.#flushHigh();
          if (b === QUOTE) return this.#closeString(i + 1);
          if (b === BACKSLASH) this.#escape = 1;
          else throw new SyntaxError('a control character in a string');
          i++;
          continue;
        }
        // A run of plain bytes, copied as they are.
        let j = i + 1;
        while (j < bytes.length) {
          const c = bytes[j]!;
          if (c === QUOTE || c === BACKSLASH || c < 0x20) break;
          j++;
        }
        this.#flushHigh();
        bytes.copy(out, this.#outLength, i, j);
        this.#outLength += j - i;
        i = j;
        continue;
      }
      if (this.#escape === 1) {
        if (b === 0x75) {
          this.#escape = 2;
          this.#hex = 0;
        } else {
          const byte = SIMPLE_ESCAPES[b];
          if (byte === undefined) throw new SyntaxError(`bad escape \\${String.fromCharCode(b)} in a string`);
          this.#flushHigh();
          out[this.#outLength++] = byte;
          this.#escape = 0;
        }
      } else {
        const v = hexValue(b);
        if (v < 0) throw new SyntaxError('bad \\u escape in a string');
        this.#hex = (this.#hex << 4) | v;
        if (++this.#escape === 6) {
          this.#escape = 0;
          this.#unit(this.#hex);
        }
      }
      i++;
    }
    return i;
  }

  /** Writes the code unit of a `\uXXXX` escape, pairing surrogates. */
  #unit(unit: number): void {
    if (unit >= 0xdc00 && unit <= 0xdfff && this.#high !== 0) {
      this.#writeCodePoint(0x10000 + ((this.#high - 0xd800) << 10) + (unit - 0xdc00));
      this.#high = 0;
      return;
    }
    this.#flushHigh();
    if (unit >= 0xd800 && unit <= 0xdbff) this.#high = unit;
    else if (unit >= 0xdc00 && unit <= 0xdfff) this.#strings.at(-1)!.lone.push({ at: this.#outLength, unit });
    else this.#writeCodePoint(unit);
  }

  /** A high surrogate not followed by its low half stays alone. */
  #flushHigh(): void {
    if (this.#high === 0) return;
    this.#strings.at(-1)!.lone.push({ at: this.#outLength, unit: this.#high });
    this.#high = 0;
  }

  #writeCodePoint(cp: number): void {
    const out = this.#out!;
    let n = this.#outLength;
    if (cp < 0x80) out[n++] = cp;
    else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    } else {
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 0x3f);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    }
    this.#outLength = n;
  }

  /** Ends a long string: a placeholder for it in the skeleton. @returns `next`. */
  #closeString(next: number): number {
    this.#strings.at(-1)!.end = this.#outLength;
    const token = JSON.stringify(`${this.#placeholder}${this.#strings.length - 1}`);
    this.#append(Buffer.from(token, 'utf8'), 0, Buffer.byteLength(token));
    this.#state = 'outside';
    return next;
  }

  #append(bytes: Buffer, from: number, to: number): void {
    const count = to - from;
    if (count === 0) return;
    if (this.#skeletonLength + count > this.#skeleton.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.#skeleton.length * 2, this.#skeletonLength + count));
      this.#skeleton.copy(grown, 0, 0, this.#skeletonLength);
      this.#skeleton = grown;
    }
    bytes.copy(this.#skeleton, this.#skeletonLength, from, to);
    this.#skeletonLength += count;
  }
}
