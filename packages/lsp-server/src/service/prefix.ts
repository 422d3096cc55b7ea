import { charKind } from '@sd-glossary/data/core';

const MAX_CJK = 8;
const MAX_WORDS = 4;

/**
 * Where the term being typed may start, longest first. After Chinese text it is a suffix of the run of
 * Chinese characters (`我用的是炸` → `是炸`, `炸`…); after Latin text it is the last word, or the
 * last few words joined by `_ - .` or one space (`cfg_sc`, `Batch s`).
 * @param line - the line's text.
 * @param cursor - offset of the cursor in the line.
 * @returns candidate start offsets, each before `cursor`; empty when the cursor does not follow a word.
 */
export function completionPrefixes(line: string, cursor: number): number[] {
  if (cursor <= 0) return [];
  const cls = charKind(line.charCodeAt(cursor - 1));
  if (cls === 'cjk') {
    let start = cursor - 1;
    while (start > 0 && cursor - start < MAX_CJK && charKind(line.charCodeAt(start - 1)) === 'cjk') start--;
    const starts: number[] = [];
    for (let s = start; s < cursor; s++) starts.push(s);
    return starts;
  }
  if (cls !== 'latin') return [];
  const starts: number[] = [];
  let end = cursor;
  for (let words = 0; words < MAX_WORDS; words++) {
    let start = end;
    while (start > 0 && charKind(line.charCodeAt(start - 1)) === 'latin') start--;
    starts.push(start);
    // Another word before this one, joined by one of `_ - .` or a single space?
    const joiner = line.charCodeAt(start - 1);
    if (start < 2 || !(joiner === 95 || joiner === 45 || joiner === 46 || joiner === 32)) break;
    if (charKind(line.charCodeAt(start - 2)) !== 'latin') break;
    end = start - 1;
  }
  return starts.reverse();
}
