import { subtract, urlSpans, type Extractor, type Region } from './regions.js';

// Link destinations `](…)`, reference definitions `[id]: url`, HTML tags and autolinks `<…>`.
const SYNTAX = new RegExp(
  [
    /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/.source,
    /^\s{0,3}\[[^\]]+\]:\s*\S+/.source,
    /<\/?[A-Za-z][^<>]*>/.source,
    /<[a-z][a-z0-9+.-]*:[^<>\s]*>/.source,
  ].join('|'),
  'g',
);

/** Markdown: the whole line, code included, but not link targets, HTML tags or URLs. */
export const markdown: Extractor = (line) => {
  const holes: Region[] = urlSpans(line);
  if (line.includes('](') || line.includes('<') || line.includes(']:')) {
    for (const m of line.matchAll(SYNTAX)) holes.push({ start: m.index, end: m.index + m[0].length });
    holes.sort((a, b) => a.start - b.start);
  }
  return subtract([{ start: 0, end: line.length }], mergeOverlaps(holes));
};

function mergeOverlaps(spans: Region[]): Region[] {
  const out: Region[] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && span.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else out.push(span);
  }
  return out;
}
