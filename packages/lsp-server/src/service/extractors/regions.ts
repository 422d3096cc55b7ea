/** A span of a line, [start, end) in UTF-16 code units, whose words may be glossary terms. */
export interface Region {
  readonly start: number;
  readonly end: number;
}

/** Turns one line of a document into the regions whose text is prose, keys, values or comments. */
export type Extractor = (line: string) => Region[];

const URL = /\b(?:https?|ftp|file):\/\/[^\s<>"'`)\]]*|\bwww\.[^\s<>"'`)\]]+/gi;

/**
 * Removes spans from sorted regions.
 * @param regions - sorted, non-overlapping regions.
 * @param holes - sorted, non-overlapping spans to remove.
 * @returns what is left, sorted.
 */
export function subtract(regions: readonly Region[], holes: readonly Region[]): Region[] {
  if (holes.length === 0) return [...regions];
  const out: Region[] = [];
  let h = 0;
  for (const region of regions) {
    let start = region.start;
    while (h < holes.length && holes[h]!.end <= start) h++;
    let k = h;
    while (k < holes.length && holes[k]!.start < region.end) {
      if (holes[k]!.start > start) out.push({ start, end: holes[k]!.start });
      start = Math.max(start, holes[k]!.end);
      k++;
    }
    if (start < region.end) out.push({ start, end: region.end });
  }
  return out;
}

/**
 * The spans of a line that are URLs (no term is looked for inside one).
 * @param line - one line of text.
 * @returns sorted spans.
 */
export function urlSpans(line: string): Region[] {
  if (!line.includes('://') && !line.includes('www.')) return [];
  const spans: Region[] = [];
  for (const m of line.matchAll(URL)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** Prose, prompts, YAML, TOML, INI: the whole line but its URLs. */
export const wholeLine: Extractor = (line) => subtract([{ start: 0, end: line.length }], urlSpans(line));
