import { CJK, classify, hasCjk, isWordClass, singulars, splitWordRun, tokenize } from './tokenize.js';

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
}

/** A surface form the matcher looks for, and the entry it belongs to. */
export interface MatchableForm {
  /** The form as written (`CFG Scale`, `炸炉`). */
  readonly text: string;
  /** Id of the entry the form names. */
  readonly id: string;
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

interface LatinNode {
  next: Map<string, LatinNode> | undefined;
  ids: string[] | undefined;
}

interface CjkNode {
  next: Map<number, CjkNode> | undefined;
  ids: string[] | undefined;
}

/** Separators that may stand between the words of a multi-word term (`CFG scale`, `cfg_scale`, `sd-vae`). */
const JOINERS = new Set([32, 9, 95, 45, 46]); // space, tab, _ - .
const MAX_JOINER_RUN = 3;

function addId(ids: string[] | undefined, id: string): string[] {
  if (!ids) return [id];
  if (!ids.includes(id)) ids.push(id);
  return ids;
}

function insertLatin(root: LatinNode, tokens: readonly string[], id: string): void {
  let node = root;
  for (const token of tokens) {
    node.next ??= new Map();
    let child = node.next.get(token);
    if (!child) {
      child = { next: undefined, ids: undefined };
      node.next.set(token, child);
    }
    node = child;
  }
  node.ids = addId(node.ids, id);
}

function insertCjk(root: CjkNode, form: string, id: string): void {
  let node = root;
  for (let i = 0; i < form.length; i++) {
    const code = form.charCodeAt(i);
    if (classify(code) !== CJK) continue; // whitespace inside a CJK form is not significant
    node.next ??= new Map();
    let child = node.next.get(code);
    if (!child) {
      child = { next: undefined, ids: undefined };
      node.next.set(code, child);
    }
    node = child;
  }
  node.ids = addId(node.ids, id);
}

function stepLatin(node: LatinNode, folded: string): LatinNode | undefined {
  const next = node.next;
  if (!next) return undefined;
  const exact = next.get(folded);
  if (exact) return exact;
  for (const candidate of singulars(folded)) {
    const child = next.get(candidate);
    if (child) return child;
  }
  return undefined;
}

/**
 * Builds a matcher over surface forms. Latin forms match whole tokens case-insensitively, across
 * `_ - .`, spaces and camelCase humps, and a simple English plural matches its singular; CJK forms
 * match as substrings. Forms that mix CJK and Latin letters are not matchable and are skipped.
 * @param forms - the forms to find, each with its entry id.
 * @returns a matcher whose `findAll` makes one pass over the text and runs no regular expression.
 */
export function createTermMatcher(forms: Iterable<MatchableForm>): TermMatcher {
  const latinRoot: LatinNode = { next: undefined, ids: undefined };
  const cjkRoot: CjkNode = { next: undefined, ids: undefined };
  let maxTokenLength = 0;
  for (const form of forms) {
    if (hasCjk(form.text)) {
      if (tokenize(form.text).length === 0) insertCjk(cjkRoot, form.text, form.id);
      continue;
    }
    const tokens = tokenize(form.text).map((t) => t.folded);
    if (tokens.length === 0) continue;
    insertLatin(latinRoot, tokens, form.id);
    if (tokens.length > 1) insertLatin(latinRoot, [tokens.join('')], form.id);
    for (const t of tokens) maxTokenLength = Math.max(maxTokenLength, t.length);
    if (tokens.length > 1) maxTokenLength = Math.max(maxTokenLength, tokens.join('').length);
  }
  // A plural may be up to two code units longer than the longest form token ("-es").
  const longestUseful = maxTokenLength + 2;

  function findAll(text: string): TermMatch[] {
    const n = text.length;
    const cjkHits: TermMatch[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const folded: string[] = [];
    const pushToken = (s: number, e: number): void => {
      starts.push(s);
      ends.push(e);
      folded.push(e - s <= longestUseful ? text.slice(s, e).toLowerCase() : '');
    };

    let i = 0;
    while (i < n) {
      const cls = classify(text.charCodeAt(i));
      if (cls === CJK) {
        let node: CjkNode | undefined = cjkRoot;
        let bestEnd = -1;
        let bestIds: string[] | undefined;
        let j = i;
        while (j < n && node?.next) {
          node = node.next.get(text.charCodeAt(j));
          if (!node) break;
          j++;
          if (node.ids) {
            bestEnd = j;
            bestIds = node.ids;
          }
        }
        if (bestIds) {
          cjkHits.push({ start: i, end: bestEnd, text: text.slice(i, bestEnd), ids: bestIds });
          i = bestEnd;
        } else {
          i++;
        }
      } else if (isWordClass(cls)) {
        let j = i + 1;
        while (j < n && isWordClass(classify(text.charCodeAt(j)))) j++;
        splitWordRun(text, i, j, pushToken);
        i = j;
      } else {
        i++;
      }
    }

    const latinHits: TermMatch[] = [];
    const count = starts.length;
    const joinable = (k: number): boolean => {
      const gapStart = ends[k]!;
      const gapEnd = starts[k + 1]!;
      if (gapEnd - gapStart > MAX_JOINER_RUN) return false;
      for (let g = gapStart; g < gapEnd; g++) if (!JOINERS.has(text.charCodeAt(g))) return false;
      return true;
    };
    let k = 0;
    while (k < count) {
      let node = stepLatin(latinRoot, folded[k]!);
      let bestLast = -1;
      let bestIds: string[] | undefined;
      let last = k;
      while (node) {
        if (node.ids) {
          bestLast = last;
          bestIds = node.ids;
        }
        if (!node.next || last + 1 >= count || !joinable(last)) break;
        last++;
        node = stepLatin(node, folded[last]!);
      }
      if (bestIds) {
        const start = starts[k]!;
        const end = ends[bestLast]!;
        latinHits.push({ start, end, text: text.slice(start, end), ids: bestIds });
        k = bestLast + 1;
      } else {
        k++;
      }
    }

    if (cjkHits.length === 0) return latinHits;
    if (latinHits.length === 0) return cjkHits;
    const merged: TermMatch[] = [];
    let a = 0;
    let b = 0;
    while (a < latinHits.length || b < cjkHits.length) {
      if (b >= cjkHits.length || (a < latinHits.length && latinHits[a]!.start < cjkHits[b]!.start)) {
        merged.push(latinHits[a++]!);
      } else {
        merged.push(cjkHits[b++]!);
      }
    }
    return merged;
  }

  return { findAll };
}
