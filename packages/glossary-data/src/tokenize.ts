/**
 * Character classes and the Latin tokenizer that lookup, search and the term matcher share.
 * Everything here works on UTF-16 code units, the unit JavaScript strings and LSP positions use.
 */

/** A code unit that separates tokens (spaces, punctuation, symbols, emoji halves…). */
export const SEPARATOR = 0;
/** ASCII A–Z. */
export const UPPER = 1;
/** ASCII a–z and non-ASCII letters of alphabetic scripts (Latin, Greek, Cyrillic). */
export const LOWER = 2;
/** ASCII 0–9. */
export const DIGIT = 3;
/** Han, kana and hangul: matched as substrings, never tokenized. */
export const CJK = 4;

export type CharClass = typeof SEPARATOR | typeof UPPER | typeof LOWER | typeof DIGIT | typeof CJK;

/** The class of every UTF-16 code unit, filled from ranges once at load. */
export const CHAR_CLASSES: Uint8Array = buildClassTable();

function buildClassTable(): Uint8Array {
  const table = new Uint8Array(65536); // SEPARATOR everywhere, then the ranges below
  const set = (from: number, to: number, cls: CharClass): void => {
    table.fill(cls, from, to + 1);
  };
  set(0x30, 0x39, DIGIT);
  set(0x41, 0x5a, UPPER);
  set(0x61, 0x7a, LOWER);
  set(0xc0, 0x24f, LOWER); // Latin-1 letters and Latin Extended-A/B
  table[0xd7] = SEPARATOR; // ×
  table[0xf7] = SEPARATOR; // ÷
  set(0x370, 0x52f, LOWER); // Greek, Cyrillic
  table[0x37e] = SEPARATOR; // Greek question mark
  table[0x387] = SEPARATOR; // Greek ano teleia
  set(0x3041, 0x30ff, CJK); // hiragana, katakana
  table[0x30fb] = SEPARATOR; // katakana middle dot
  table[0x3005] = CJK; // 々
  table[0x3007] = CJK; // 〇
  set(0x3400, 0x4dbf, CJK); // CJK extension A
  set(0x4e00, 0x9fff, CJK); // CJK unified ideographs
  set(0xac00, 0xd7af, CJK); // hangul syllables
  set(0xf900, 0xfaff, CJK); // CJK compatibility ideographs
  return table;
}

/**
 * Classifies one UTF-16 code unit.
 * @param code - a code unit from `String.prototype.charCodeAt`.
 * @returns its class; surrogates and anything unlisted are separators.
 */
export function classify(code: number): CharClass {
  return (CHAR_CLASSES[code] ?? SEPARATOR) as CharClass;
}

/** True when a code unit belongs to a Latin token (letter or digit). */
export function isWordClass(cls: CharClass): boolean {
  return cls === UPPER || cls === LOWER || cls === DIGIT;
}

/** A Latin token: a run of letters and digits, split at camelCase humps. */
export interface Token {
  /** UTF-16 offset of the first code unit. */
  readonly start: number;
  /** UTF-16 offset just past the last code unit. */
  readonly end: number;
  /** The token in lower case. */
  readonly folded: string;
}

/**
 * Finds the end of the Latin token that starts at `start`: the end of the word run, a change between
 * letters and digits, or a camelCase hump. `batchSize` → batch|Size, `CLIPTextEncode` → CLIP|Text|Encode,
 * `VAEDecode` → VAE|Decode, `AdamW8bit` → Adam|W|8|bit; an all-caps run followed by a lone plural `s`
 * stays whole (`VAEs`, `LoRAs`).
 * @param text - the text.
 * @param start - offset of a letter or digit.
 * @returns the offset just past the token.
 */
export function tokenEnd(text: string, start: number): number {
  const n = text.length;
  let prev = CHAR_CLASSES[text.charCodeAt(start)];
  for (let j = start + 1; j < n; j++) {
    const k = CHAR_CLASSES[text.charCodeAt(j)];
    if (k === SEPARATOR || k === CJK) return j;
    if ((k === DIGIT) !== (prev === DIGIT)) return j;
    if (k === UPPER && prev === LOWER) return j;
    if (k === LOWER && prev === UPPER && j - 1 > start && !isPluralS(text, j)) return j - 1;
    prev = k;
  }
  return n;
}

/** A lone lower-case `s` ending a run after capitals (`VAEs`): a plural, not a camelCase hump. */
function isPluralS(text: string, j: number): boolean {
  return text.charCodeAt(j) === 115 && (j + 1 === text.length || CHAR_CLASSES[text.charCodeAt(j + 1)] !== LOWER);
}

/**
 * Splits a string into Latin tokens, ignoring CJK and separators.
 * @param text - any string.
 * @returns the tokens in order, folded to lower case.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordClass(classify(text.charCodeAt(i)))) {
      i++;
      continue;
    }
    const end = tokenEnd(text, i);
    tokens.push({ start: i, end, folded: text.slice(i, end).toLowerCase() });
    i = end;
  }
  return tokens;
}

/**
 * Folds a full-width form to its ASCII twin, as Unicode NFKC does: the Fullwidth Forms block
 * (`，` → `,`, `（` → `(`, `：` → `:`, `；` → `;`) and the ideographic space (U+3000 → space).
 * @param code - a code unit from `String.prototype.charCodeAt`.
 * @returns the ASCII code unit, or `code` itself when it has no ASCII twin.
 */
export function foldWidth(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code === 0x3000 ? 0x20 : code;
}

/**
 * A string with every full-width form folded to ASCII (see `foldWidth`); same length, same offsets.
 * @param text - any string.
 */
export function foldWidthText(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => String.fromCharCode(foldWidth(c.charCodeAt(0))));
}

/**
 * True when a string has at least one CJK character.
 * @param text - any string.
 */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (classify(text.charCodeAt(i)) === CJK) return true;
  return false;
}

/**
 * True when a string has at least one Latin letter or digit.
 * @param text - any string.
 */
export function hasLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isWordClass(classify(text.charCodeAt(i)))) return true;
  return false;
}

/**
 * The keys a surface form is known by: for Latin forms its tokens joined by one space, and for
 * multi-token forms also the tokens run together (`DreamBooth` → `dream booth`, `dreambooth`);
 * for CJK forms the form without whitespace, full-width punctuation folded to ASCII (`，` is `,`).
 * @param form - a surface form or a user's query.
 * @returns the keys, the spaced one first; empty when the form has no letters at all.
 */
export function formKeys(form: string): string[] {
  if (hasCjk(form)) {
    const compact = foldWidthText(form).replace(/\s+/g, '');
    return compact ? [compact] : [];
  }
  const tokens = tokenize(form).map((t) => t.folded);
  if (tokens.length === 0) return [];
  return tokens.length === 1 ? [tokens[0]!] : [tokens.join(' '), tokens.join('')];
}

/**
 * Singular candidates of an English token, for the simple plurals the matcher accepts
 * (`epochs` → `epoch`, `batches` → `batch`, `entries` → `entry`).
 * @param token - a folded token.
 * @returns candidates, most likely first; empty when the token does not look plural.
 */
export function singulars(token: string): string[] {
  const n = token.length;
  if (n < 3 || token.charCodeAt(n - 1) !== 115 /* s */ || token.charCodeAt(n - 2) === 115) return [];
  const out: string[] = [];
  if (n > 4 && token.endsWith('ies')) out.push(token.slice(0, -3) + 'y');
  if (n > 4 && /(?:ch|sh|x|ss)es$/.test(token)) out.push(token.slice(0, -2));
  out.push(token.slice(0, -1));
  return out;
}

/** What a code unit is to the term matcher. */
export type CharKind = 'latin' | 'cjk' | 'separator';

/**
 * Tells how the term matcher reads a UTF-16 code unit, so tools (a completion's prefix, a word under
 * the cursor) cut text where the matcher does.
 * @param code - a code unit from `String.prototype.charCodeAt`.
 * @returns `latin` for letters and digits of alphabetic scripts, `cjk` for Han, kana and hangul,
 *   `separator` for everything else (and for `NaN`, past the end of a string).
 */
export function charKind(code: number): CharKind {
  const cls = CHAR_CLASSES[code];
  return cls === CJK ? 'cjk' : cls === UPPER || cls === LOWER || cls === DIGIT ? 'latin' : 'separator';
}
