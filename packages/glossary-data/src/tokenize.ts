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

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] = c >= 65 && c <= 90 ? UPPER : c >= 97 && c <= 122 ? LOWER : c >= 48 && c <= 57 ? DIGIT : SEPARATOR;
}

/**
 * Classifies one UTF-16 code unit.
 * @param code - a code unit from `String.prototype.charCodeAt`.
 * @returns its class; surrogates and anything unlisted are separators.
 */
export function classify(code: number): CharClass {
  if (code < 128) return ASCII_CLASS[code] as CharClass;
  if (code >= 0x4e00 && code <= 0x9fff) return CJK;
  if (code < 0x250) return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 ? LOWER : SEPARATOR;
  if (code >= 0x370 && code <= 0x52f) return code === 0x37e || code === 0x387 ? SEPARATOR : LOWER;
  if (
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3041 && code <= 0x30ff && code !== 0x30fb) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3005 ||
    code === 0x3007
  ) {
    return CJK;
  }
  return SEPARATOR;
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
 * Finds where a word run splits into camelCase tokens.
 * `batchSize` → batch|Size, `CLIPTextEncode` → CLIP|Text|Encode, `VAEDecode` → VAE|Decode;
 * an all-caps run followed by a lone plural `s` stays whole (`VAEs`, `LoRAs` → one token).
 * @param text - the text holding the run.
 * @param start - offset of the run's first code unit.
 * @param end - offset just past the run.
 * @param onToken - called with each token's bounds, in order.
 */
export function splitWordRun(
  text: string,
  start: number,
  end: number,
  onToken: (start: number, end: number) => void,
): void {
  let tokenStart = start;
  let prev = classify(text.charCodeAt(start));
  for (let i = start + 1; i < end; i++) {
    const cls = classify(text.charCodeAt(i));
    if (cls === UPPER && prev === LOWER) {
      onToken(tokenStart, i);
      tokenStart = i;
    } else if (cls === LOWER && prev === UPPER && i - 1 > tokenStart) {
      // "VAEDecode": the hump is before the last capital, unless what follows is a lone plural "s".
      const pluralS = text.charCodeAt(i) === 115 && (i + 1 === end || classify(text.charCodeAt(i + 1)) !== LOWER);
      if (!pluralS) {
        onToken(tokenStart, i - 1);
        tokenStart = i - 1;
      }
    }
    prev = cls;
  }
  onToken(tokenStart, end);
}

/**
 * Splits a string into Latin tokens, ignoring CJK and separators.
 * @param text - any string.
 * @returns the tokens in order, folded to lower case.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordClass(classify(text.charCodeAt(i)))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordClass(classify(text.charCodeAt(j)))) j++;
    splitWordRun(text, i, j, (s, e) => tokens.push({ start: s, end: e, folded: text.slice(s, e).toLowerCase() }));
    i = j;
  }
  return tokens;
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
 * for CJK forms the form without whitespace.
 * @param form - a surface form or a user's query.
 * @returns the keys, the spaced one first; empty when the form has no letters at all.
 */
export function formKeys(form: string): string[] {
  if (hasCjk(form)) {
    const compact = form.replace(/\s+/g, '');
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
