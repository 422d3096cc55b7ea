import { subtract, urlSpans, type Extractor, type Region } from './regions.js';

// Link destinations `](…)`, reference definitions `[id]: url`, HTML tags and autolinks `<…>`.
const SYNTAX =
  /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)|^\s{0,3}\[[^\]]+\]:\s*\S+|<\/?[A-Za-z][^<>]*>|<[a-z][a-z0-9+.-]*:[^<>\s]*>/g;

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
