import {
  CHAR_CLASSES,
  CJK,
  classify,
  foldWidth,
  hasCjk,
  hasLatin,
  isWordClass,
  singulars,
  tokenEnd,
  tokenize,
  type CharClass,
} from './tokenize.js';

/** One occurrence of a glossary term in a text. */
export interface TermMatch {
  /** UTF-16 offset of the first code unit of the occurrence. */
  readonly start: number;
  /** UTF-16 offset just past the occurrence. */
  readonly end: number;
  /** The occurrence as written in the text. */
  readonly text: string;
  /** Ids of the entries the occurrence names (more than one where entries share a form). */
  readonly ids: readonly string[];
  /**
   * True when only everyday forms (`steps`, `seed`) name the occurrence: a term where the text is
   * about SD, an ordinary word elsewhere (see `GlossaryIndex.findTerms`).
   */
  readonly context?: true;
}

/** A surface form the matcher looks for, and the entry it belongs to. */
export interface MatchableForm {
  /** The form as written (`CFG Scale`, `炸炉`). */
  readonly text: string;
  /** Id of the entry the form names. */
  readonly id: string;
  /** The form is an everyday word (`scan: false`): its matches are marked `context`. */
  readonly context?: boolean;
}

/** Finds glossary terms in text. Built once from the forms, then used for any number of texts. */
export interface TermMatcher {
  /**
   * Finds every term occurrence in a text, left to right, longest match first, never overlapping.
   * @param text - any string.
   * @returns the occurrences in order of `start`; empty when there are none.
   */
  findAll(text: string): TermMatch[];
}

/** A trie node: Latin tries are keyed by token, CJK tries by UTF-16 code unit. */
interface TrieNode<K> {
  next: Map<K, TrieNode<K>> | undefined;
  ids: string[] | undefined;
  /** Some form that ends here is not an everyday word. */
  scan: boolean;
  /** Ordinary words that contain the CJK form ending here (`ORDINARY_WORDS`). */
  ordinary?: readonly string[];
}
type LatinNode = TrieNode<string>;
type CjkNode = TrieNode<number>;

/**
 * A token of some term, or a plural of one, as the scanner recognises it: `candidates` are the
 * term tokens it may stand for, exact first (`vaes` → [`vae`]; `embeddings` → [`embeddings`, `embedding`]).
 */
interface KnownToken {
  readonly text: string;
  readonly candidates: readonly string[];
}

const MAX_JOINER_RUN = 3;
/** The longest punctuation gap between two tokens of a term (`aug (augmentaion`, `CFG scale: 7`), spaces included. */
const MAX_GAP = 6;
/** Trie keys of punctuation gaps start with a character no token has. */
const GAP_PREFIX = '\u0000';

/** FNV-1a offset basis as an int32: hashes stay small integers, which V8 keeps unboxed. */
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function addId(ids: string[] | undefined, id: string): string[] {
  if (!ids) return [id];
  if (!ids.includes(id)) ids.push(id);
  return ids;
}

function insert<K>(root: TrieNode<K>, keys: readonly K[], id: string, context: boolean): TrieNode<K> {
  let node = root;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    node.next ??= new Map();
    let child = node.next.get(key);
    if (!child) {
      child = { next: undefined, ids: undefined, scan: false };
      node.next.set(key, child);
    }
    node = child;
  }
  node.ids = addId(node.ids, id);
  if (!context) node.scan = true;
  return node;
}

/** A match of a trie node: `context` when only everyday forms end there. */
function hit(text: string, start: number, end: number, node: TrieNode<unknown>): TermMatch {
  return node.scan
    ? { start, end, text: text.slice(start, end), ids: node.ids! }
    : { start, end, text: text.slice(start, end), ids: node.ids!, context: true };
}

/**
 * Ordinary words that contain a CJK form without being the term: the form inside them is not a match
 * (`出图` in `输出图像`, `嵌入` in `嵌入式`). Chinese has no spaces to tell a word's end, and a general
 * word segmenter splits the glossary's own terms too often (`提示词|语法` becomes `提示|词语|法`), so the
 * exceptions are listed, each one found in the book's pages.
 */
const ORDINARY_WORDS: Readonly<Record<string, readonly string[]>> = {
  出图: ['输出图', '导出图'],
  代次: ['迭代次'],
  嵌入: ['嵌入式'],
  迭代: ['迭代器'],
  修补: ['修补程序'],
};

/** True when the CJK match text[start, end) is part of one of the ordinary words listed for its form. */
function insideOrdinaryWord(text: string, start: number, end: number, words: readonly string[] | undefined): boolean {
  if (!words) return false;
  const form = text.slice(start, end);
  return words.some((word) => {
    for (let at = word.indexOf(form); at >= 0; at = word.indexOf(form, at + 1))
      if (text.startsWith(word, start - at)) return true;
    return false;
  });
}

/**
 * The code units of a CJK form as the trie keys them: whitespace inside a CJK form is not significant,
 * punctuation is, folded to ASCII (`，` is `,`), and none at either end (a match starts and ends on CJK).
 */
function cjkUnits(form: string): number[] {
  const units: number[] = [];
  for (let i = 0; i < form.length; i++) {
    const code = form.charCodeAt(i);
    if (!isBlank(code) && code !== 10 && code !== 13) units.push(foldWidth(code));
  }
  let first = 0;
  let last = units.length;
  while (first < last && classify(units[first]!) !== CJK) first++;
  while (last > first && classify(units[last - 1]!) !== CJK) last--;
  return units.slice(first, last);
}

/** A space, a tab or an ideographic space. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000;
}

/**
 * What stands between two tokens, as a trie key: `undefined` for joiners (`_ - .`, spaces and tabs,
 * at most three: any run of them matches any other), a punctuation key for a short gap of other
 * separators — spaces left out, full-width folded, so `, ` and `，` are the same key — and `null` for
 * what a term never spans (a line break, a CJK character, a long run).
 */
function gapKey(text: string, start: number, end: number): string | undefined | null {
  if (joinable(text, start, end)) return undefined;
  if (end - start > MAX_GAP) return null;
  let key = GAP_PREFIX;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13 || CHAR_CLASSES[code] === CJK) return null;
    if (!isBlank(code)) key += String.fromCharCode(foldWidth(code));
  }
  return key.length > GAP_PREFIX.length ? key : null;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The plurals `singulars` maps back to a token (`batch` → `batchs`, `batches`; `entry` → `entries`). */
function pluralsOf(token: string): string[] {
  const plurals: string[] = [];
  const s = `${token}s`;
  if (singulars(s).includes(token)) plurals.push(s);
  const es = `${token}es`;
  if (singulars(es).includes(token)) plurals.push(es);
  if (token.endsWith('y')) {
    const ies = `${token.slice(0, -1)}ies`;
    if (singulars(ies).includes(token)) plurals.push(ies);
  }
  return plurals;
}

/**
 * Builds a matcher over surface forms. Latin forms match whole tokens case-insensitively, across
 * `_ - .`, spaces and camelCase humps, and a simple English plural matches its singular; CJK forms
 * match as substrings. Punctuation inside a form must be in the text, full-width or ASCII alike
 * (`，` matches `,` and `, `; `（` matches ` (`). Forms that mix CJK and Latin letters are not
 * matchable and are skipped.
 * @param forms - the forms to find, each with its entry id.
 * @returns a matcher whose `findAll` makes one pass over the text and runs no regular expression.
 */
export function createTermMatcher(forms: Iterable<MatchableForm>): TermMatcher {
  const classes = CHAR_CLASSES;
  const latinRoot: LatinNode = { next: undefined, ids: undefined, scan: false };
  const cjkRoot: CjkNode = { next: undefined, ids: undefined, scan: false };
  // Every token the scanner should look at, by its text: term tokens, then their plurals, each with
  // the term tokens it may stand for (exact reading first).
  const byText = new Map<string, KnownToken & { candidates: string[] }>();
  const exact: string[] = [];
  let hasGaps = false; // some Latin form has punctuation between its tokens
  const addTermToken = (t: string): void => {
    if (byText.has(t)) return;
    byText.set(t, { text: t, candidates: [t] });
    exact.push(t);
  };
  for (const form of forms) {
    if (hasCjk(form.text)) {
      if (!hasLatin(form.text)) {
        const node = insert(cjkRoot, cjkUnits(form.text), form.id, form.context === true);
        const words = ORDINARY_WORDS[form.text.trim()];
        if (words) node.ordinary = words;
      }
      continue;
    }
    const spans = tokenize(form.text);
    const tokens = spans.map((t) => t.folded);
    if (tokens.length === 0) continue;
    // A punctuation gap is a key of its own between the tokens it separates.
    const keys = spans.flatMap((t, k) => {
      const gap = k === 0 ? undefined : gapKey(form.text, spans[k - 1]!.end, t.start);
      return typeof gap === 'string' ? [gap, t.folded] : [t.folded];
    });
    if (keys.length > tokens.length) hasGaps = true;
    insert(latinRoot, keys, form.id, form.context === true);
    for (const t of tokens) addTermToken(t);
    if (tokens.length > 1) {
      const joined = tokens.join('');
      insert(latinRoot, [joined], form.id, form.context === true);
      addTermToken(joined);
    }
  }
  for (const t of exact) {
    for (const plural of pluralsOf(t)) {
      const known = byText.get(plural);
      if (!known) byText.set(plural, { text: plural, candidates: [t] });
      else if (!known.candidates.includes(t)) known.candidates.push(t);
    }
  }
  const asciiByHash = new Map<number, KnownToken[]>();
  // Quick reject before hashing: for each first letter (lower-cased ASCII), a bit per token length
  // (bit 31: 31 or more) that some known token of that letter has. Most words of running text fail.
  const lengthsByFirst = new Uint32Array(128);
  for (const entry of byText.values()) {
    const text = entry.text;
    const first = text.charCodeAt(0);
    if (first < 128) lengthsByFirst[first]! |= 1 << Math.min(text.length, 31);
    if (isAscii(text)) {
      const h = hashRange(text, 0, text.length);
      const bucket = asciiByHash.get(h);
      if (bucket) bucket.push(entry);
      else asciiByHash.set(h, [entry]);
    }
  }
  const tables: TokenTables = { lengthsByFirst, asciiByHash, byText };
  const cjkFirst = new Uint8Array(65536);
  for (const code of cjkRoot.next?.keys() ?? []) cjkFirst[code] = 1;

  const pending = createTokenBuffer();
  // Where CJK forms end from one start, shortest first (reused from call to call; `cjkCount` are valid).
  const cjkEnds: number[] = [];
  const cjkNodes: CjkNode[] = [];

  function findAll(text: string): TermMatch[] {
    const n = text.length;
    const hits: TermMatch[] = [];
    let emitted = 0; // tokens read so far, known or not
    let lastKept = -2; // index (in emitted) of the last known token
    let lastKeptEnd = 0;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      const cls = classes[code] as CharClass;
      if (cls === CJK) {
        if (cjkFirst[code] === 0) {
          i++;
          continue;
        }
        let node: CjkNode | undefined = cjkRoot;
        let cjkCount = 0;
        let j = i;
        let afterPunctuation = false;
        while (j < n && node?.next) {
          const unit = text.charCodeAt(j);
          if (isBlank(unit)) {
            // Spaces beside a form's punctuation are not significant (`，` is `, `; `(` is ` (`).
            let k = j + 1;
            while (k < n && isBlank(text.charCodeAt(k))) k++;
            const following = k < n ? foldWidth(text.charCodeAt(k)) : -1;
            const beforePunctuation = classes[following] !== CJK && node.next.has(following);
            if (k - j > MAX_JOINER_RUN || (!afterPunctuation && !beforePunctuation)) break;
            j = k;
            continue;
          }
          const key = foldWidth(unit);
          node = node.next.get(key);
          if (!node) break;
          afterPunctuation = classes[key] !== CJK;
          j++;
          if (node.ids) {
            cjkEnds[cjkCount] = j;
            cjkNodes[cjkCount++] = node;
          }
        }
        // The longest form that is not part of an ordinary word is the match.
        let best = cjkCount - 1;
        while (best >= 0 && insideOrdinaryWord(text, i, cjkEnds[best]!, cjkNodes[best]!.ordinary)) best--;
        if (best >= 0) {
          // No Latin term spans a CJK character: settle the pending tokens first, to keep hits in order.
          matchPending(pending, latinRoot, text, hits);
          hits.push(hit(text, i, cjkEnds[best]!, cjkNodes[best]!));
          i = cjkEnds[best]!;
        } else {
          i++;
        }
        continue;
      }
      if (!isWordClass(cls)) {
        i++;
        continue;
      }
      // A word run: take its tokens one by one (camelCase humps split them).
      let start = i;
      for (;;) {
        const end = tokenEnd(text, start);
        const token = knownToken(text, start, end, tables);
        if (token) {
          const follows = lastKept === emitted - 1;
          const joined = follows && joinable(text, lastKeptEnd, start);
          const gap = follows && !joined && hasGaps ? gapKey(text, lastKeptEnd, start) : undefined;
          pushToken(pending, start, end, token.candidates, joined, gap ?? undefined);
          lastKept = emitted;
          lastKeptEnd = end;
        }
        emitted++;
        if (end >= n || !isWordClass(classes[text.charCodeAt(end)] as CharClass)) {
          i = end;
          break;
        }
        start = end;
      }
    }
    matchPending(pending, latinRoot, text, hits);
    return hits;
  }

  return { findAll };
}

/** What the scanner needs to recognise a token without allocating. */
interface TokenTables {
  readonly lengthsByFirst: Uint32Array;
  readonly asciiByHash: Map<number, KnownToken[]>;
  readonly byText: Map<string, KnownToken>;
}

/** The known token text[start, end) is, if any: a length-by-first-letter test, then a hash probe. */
function knownToken(text: string, start: number, end: number, tables: TokenTables): KnownToken | undefined {
  const length = end - start;
  let first = text.charCodeAt(start);
  if (first < 128) {
    if (first >= 65 && first <= 90) first += 32;
    if (((tables.lengthsByFirst[first]! >>> Math.min(length, 31)) & 1) === 0) return undefined;
  }
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return tables.byText.get(text.slice(start, end).toLowerCase());
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
  }
  const bucket = tables.asciiByHash.get(h);
  if (bucket) for (const candidate of bucket) if (sameFolded(text, start, end, candidate.text)) return candidate;
  return undefined;
}

function step(node: LatinNode, candidates: readonly string[]): LatinNode | undefined {
  const next = node.next;
  if (!next) return undefined;
  for (const candidate of candidates) {
    const child = next.get(candidate);
    if (child) return child;
  }
  return undefined;
}

/** FNV-1a over the lower-cased (ASCII) code units of text[start, end). */
function hashRange(text: string, start: number, end: number): number {
  let h = FNV_BASIS;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
  }
  return h;
}

/** Compares text[start, end) lower-cased (ASCII) with an already lower-case token. */
function sameFolded(text: string, start: number, end: number, token: string): boolean {
  if (end - start !== token.length) return false;
  for (let i = 0; i < token.length; i++) {
    let c = text.charCodeAt(start + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== token.charCodeAt(i)) return false;
  }
  return true;
}

/** True when only `_ - .`, spaces or tabs (at most three) stand between two tokens; none at a camelCase hump. */
function joinable(text: string, gapStart: number, gapEnd: number): boolean {
  if (gapEnd - gapStart > MAX_JOINER_RUN) return false;
  for (let g = gapStart; g < gapEnd; g++) {
    const c = text.charCodeAt(g);
    if (c !== 32 && c !== 9 && c !== 95 && c !== 45 && c !== 46) return false; // space, tab, _ - .
  }
  return true;
}

/**
 * Known tokens waiting to be matched, in typed buffers the matcher reuses from call to call
 * (`findAll` never re-enters itself, and the buffers are emptied before it returns).
 */
interface TokenBuffer {
  starts: Int32Array;
  ends: Int32Array;
  /** 1 when the token directly follows the previous one, with only joiners between. */
  joined: Uint8Array;
  /** The punctuation key (`gapKey`) between the token and the previous one, when that is what is between. */
  readonly gaps: Array<string | undefined>;
  readonly candidates: Array<readonly string[] | undefined>;
  count: number;
}

function createTokenBuffer(): TokenBuffer {
  return {
    starts: new Int32Array(256),
    ends: new Int32Array(256),
    joined: new Uint8Array(256),
    gaps: [],
    candidates: [],
    count: 0,
  };
}

function pushToken(
  buffer: TokenBuffer,
  start: number,
  end: number,
  candidates: readonly string[],
  joined: boolean,
  gap: string | undefined,
): void {
  const k = buffer.count;
  if (k === buffer.starts.length) {
    const starts = new Int32Array(k * 2);
    const ends = new Int32Array(k * 2);
    const joins = new Uint8Array(k * 2);
    starts.set(buffer.starts);
    ends.set(buffer.ends);
    joins.set(buffer.joined);
    buffer.starts = starts;
    buffer.ends = ends;
    buffer.joined = joins;
  }
  buffer.starts[k] = start;
  buffer.ends[k] = end;
  buffer.joined[k] = joined ? 1 : 0;
  buffer.gaps[k] = gap;
  buffer.candidates[k] = candidates;
  buffer.count = k + 1;
}

/** Matches the pending tokens against the Latin trie, longest match first, appends the hits, empties the buffer. */
function matchPending(buffer: TokenBuffer, root: LatinNode, text: string, hits: TermMatch[]): void {
  const { starts, ends, joined, gaps, candidates, count } = buffer;
  let k = 0;
  while (k < count) {
    let node = step(root, candidates[k]!);
    let bestLast = -1;
    let bestNode: LatinNode | undefined;
    let last = k;
    while (node) {
      if (node.ids) {
        bestLast = last;
        bestNode = node;
      }
      if (!node.next || last + 1 >= count) break;
      const gap = gaps[last + 1];
      if (joined[last + 1] === 0 && gap === undefined) break;
      last++;
      // Between the tokens: joiners, or punctuation that must be the form's own.
      const before = joined[last] === 1 ? node : node.next.get(gap!);
      node = before && step(before, candidates[last]!);
    }
    if (bestNode) {
      hits.push(hit(text, starts[k]!, ends[bestLast]!, bestNode));
      k = bestLast + 1;
    } else {
      k++;
    }
  }
  candidates.fill(undefined, 0, count); // let this text's candidate lists go
  gaps.fill(undefined, 0, count);
  buffer.count = 0;
}
