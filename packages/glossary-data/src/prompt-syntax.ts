/**
 * The syntax of SD prompts as terms: in a prompt, `<lora:name:0.8>` names LoRA, `(word:1.2)` emphasis,
 * `[from:to:0.5]` prompt editing, `[a|b]` alternating words, `AND` composable diffusion, `BREAK` a new
 * chunk, `__name__` a wildcard. The ids are the built-in glossary's.
 */
import type { TermMatch } from './term-matcher.js';

const NUMBER = String.raw`\s*-?\d+(?:\.\d+)?\s*`;
// Inside brackets: no brackets, no line break.
const PLAIN = String.raw`[^()[\]{}<>\n]`;

/** Each construct, the entry it names, and how it is written (A1111 web UI, ComfyUI, NovelAI, Dynamic Prompts). */
const SYNTAX: ReadonlyArray<{ readonly id: string; readonly pattern: RegExp }> = [
  { id: 'lora', pattern: /<lora:[^<>\n]+>/gi },
  { id: 'lycoris', pattern: /<lyco:[^<>\n]+>/gi },
  { id: 'hypernetwork', pattern: /<hypernet:[^<>\n]+>/gi },
  // ComfyUI names a Textual Inversion file in the prompt as `embedding:name`.
  { id: 'textual-inversion', pattern: /\bembedding:[\w.-]+/gi },
  { id: 'emphasis', pattern: new RegExp(String.raw`\((?:${PLAIN}|\\[()])+?:${NUMBER}\)`, 'g') },
  // NovelAI's `{word}`; with a `|` inside it is a Dynamic Prompts variant.
  { id: 'emphasis', pattern: new RegExp(String.raw`\{[^{}|\n]+\}`, 'g') },
  { id: 'wildcards', pattern: new RegExp(String.raw`\{[^{}\n]*\|[^{}\n]*\}`, 'g') },
  { id: 'wildcards', pattern: /__[\w./-]+__/g },
  // `[from:to:when]`, `[to:when]`, `[from::when]`.
  { id: 'prompt-editing', pattern: new RegExp(String.raw`\[${PLAIN}*?:(?:${PLAIN}*?:)?${NUMBER}\]`, 'g') },
  { id: 'alternating-words', pattern: new RegExp(String.raw`\[[^[\]:\n]*\|[^[\]:\n]*\]`, 'g') },
  { id: 'composable-diffusion', pattern: /\bAND\b/g },
  { id: 'break', pattern: /\bBREAK\b/g },
];

/** Entries that are a prompt keyword, written as the web UI reads it: in upper case only. */
const KEYWORDS: Readonly<Record<string, string>> = { break: 'BREAK' };

/** A match of a keyword entry that is not written as the keyword (`break` in prose is no `BREAK`). */
function isOtherCase(match: TermMatch): boolean {
  const keyword = match.ids.length === 1 ? KEYWORDS[match.ids[0]!] : undefined;
  return keyword !== undefined && match.text !== keyword;
}

/**
 * Drops the matches of keyword entries not written as the keyword.
 * @param matches - term matches.
 * @returns the others.
 */
export function withoutLowerCaseKeywords(matches: TermMatch[]): TermMatch[] {
  return matches.some(isOtherCase) ? matches.filter((m) => !isOtherCase(m)) : matches;
}

/**
 * The prompt syntax in a text, merged with its term matches: a term inside a construct that names the
 * same entry (`lora` in `<lora:x:1>`) is the construct's; any other term inside one keeps its place, and
 * the construct is the rest of its text. The result never overlaps.
 * @param text - a prompt, or a line of one.
 * @param terms - the text's term matches, in order.
 * @param known - whether the glossary has an entry (a construct whose entry it lacks is no match).
 * @returns every match, in order.
 */
export function withPromptSyntax(text: string, terms: TermMatch[], known: (id: string) => boolean): TermMatch[] {
  const constructs: Array<{ start: number; end: number; id: string }> = [];
  for (const { id, pattern } of SYNTAX) {
    if (!known(id)) continue;
    for (const m of text.matchAll(pattern)) constructs.push({ start: m.index, end: m.index + m[0].length, id });
  }
  if (constructs.length === 0) return terms;
  // One construct per place: the first that starts there and the longest; inner ones give way.
  constructs.sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: typeof constructs = [];
  for (const c of constructs) if (!outer.length || c.start >= outer.at(-1)!.end) outer.push(c);

  const out: TermMatch[] = [];
  let t = 0;
  for (const c of outer) {
    while (t < terms.length && terms[t]!.end <= c.start) out.push(terms[t++]!);
    let at = c.start;
    const piece = (end: number): void => {
      if (end > at) out.push({ start: at, end, text: text.slice(at, end), ids: [c.id] });
    };
    while (t < terms.length && terms[t]!.start < c.end) {
      const term = terms[t++]!;
      if (term.ids.includes(c.id) && term.start >= c.start && term.end <= c.end) continue;
      piece(Math.max(at, term.start));
      out.push(term);
      at = Math.max(at, term.end);
    }
    piece(c.end);
  }
  while (t < terms.length) out.push(terms[t++]!);
  return out;
}
