/**
 * Where an everyday word is an SD term. Forms such as `steps`, `seed`, `size`, `strength` and the
 * page's short forms (`db`, `ti`, `hn`, `ext`) are marked `scan: false`: their matches count only where
 * the text is about SD, so "follow these steps" and "the seed of a plant" stay plain prose.
 */
import type { TermMatch } from './term-matcher.js';
import { classify, isWordClass } from './tokenize.js';

/** How `findTerms` reads a text. */
export interface FindTermsOptions {
  /**
   * The whole text is about SD (a prompt file, an SD config): everyday forms are terms everywhere in
   * it. Otherwise they are terms in a sentence that also names another glossary term, on an A1111
   * infotext line, or right beside another form of their own entry (`hn / hyper`).
   */
  readonly sd?: boolean;
  /**
   * The text is an SD prompt (implies `sd`): its syntax names entries too, `<lora:…>`, `(word:1.2)`,
   * `[from:to:when]`, `[a|b]`, `AND`, `BREAK`, `__wildcard__` (see `prompt-syntax.ts`).
   */
  readonly prompt?: boolean;
}

// Keys of an A1111 infotext line (`Steps: 28, Sampler: Euler a, CFG scale: 7, Seed: 1234, …`).
const INFOTEXT_KEYS = [
  'Steps',
  'Sampler',
  'Schedule type',
  'CFG scale',
  'Seed',
  'Size',
  'Model hash',
  'Model',
  'VAE hash',
  'VAE',
  'Denoising strength',
  'Clip skip',
  'ENSD',
  'Hires upscale',
  'Hires upscaler',
  'Hires steps',
  'Variation seed',
  'Variation seed strength',
  'Version',
];
const INFOTEXT_KEY = new RegExp(String.raw`(?:^|,)\s*(?:${INFOTEXT_KEYS.join('|')}):\s`, 'g');
/** End a sentence: CJK and ASCII stops, and a line break; a full stop too, before a space. */
const STOPS = new Set([...'。！？；!?;\n'].map((c) => c.charCodeAt(0)));
/** What may stand between two forms of one entry written side by side (`美学/ext`, `hn / hyper`, `ti（emb）`). */
const SIBLING_GAP = /^[\s/／|,，、()（）]{1,3}$/;

const [UNDERSCORE, HYPHEN, DOT] = [...'_-.'].map((c) => c.charCodeAt(0));
/** A letter or digit of a Latin token (`tokenize.ts`): Chinese has no spaces, so a CJK neighbour joins nothing. */
const isLatinWord = (code: number): boolean => !Number.isNaN(code) && isWordClass(classify(code));

/**
 * True when text[start, end) is joined to more of a name: a Latin letter or digit right beside it (a
 * camelCase hump), an underscore, or a `-` or `.` with a letter or digit beyond it (`sd-vae`, `file.ext`).
 */
function glued(text: string, start: number, end: number): boolean {
  const joins = (mark: number, beyond: number): boolean =>
    isLatinWord(mark) || mark === UNDERSCORE || ((mark === HYPHEN || mark === DOT) && isLatinWord(beyond));
  return (
    joins(text.charCodeAt(start - 1), text.charCodeAt(start - 2)) ||
    joins(text.charCodeAt(end), text.charCodeAt(end + 1))
  );
}

/**
 * True for a line of A1111 generation parameters: its first line after the prompts, with at least two
 * of its keys, or the line that starts `Negative prompt:`.
 * @param text - a line or more.
 */
export function isInfotext(text: string): boolean {
  if (/^\s*Negative prompt:\s/m.test(text)) return true;
  return (text.match(INFOTEXT_KEY)?.length ?? 0) >= 2;
}

/**
 * Keeps the matches of everyday forms only where they are SD terms (see `FindTermsOptions`); any
 * other match is kept as it is. Each is judged by its own line and sentence, so the cost is local.
 * @param text - the text the matches are in.
 * @param matches - the matcher's matches, in order.
 * @param options - whether the whole text is about SD.
 * @returns the matches that name a term here, in order.
 */
export function keepInContext(text: string, matches: TermMatch[], options: FindTermsOptions = {}): TermMatch[] {
  if (!matches.some((m) => m.context)) return matches;
  const sd = options.sd === true || options.prompt === true;
  let infotextLine = -1; // the start of the last line found to be an infotext line
  let plainLine = -1; // the start of the last line found not to be one
  return matches.filter((m, k) => {
    if (!m.context) return true;
    // An everyday word inside an identifier is part of another name (`beta_end`, `CheckpointLoaderSimple`).
    if (glued(text, m.start, m.end)) return false;
    if (sd) return true;
    const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
    if (lineStart !== infotextLine && lineStart !== plainLine) {
      const lineEnd = text.indexOf('\n', m.end);
      if (isInfotext(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd))) infotextLine = lineStart;
      else plainLine = lineStart;
    }
    if (lineStart === infotextLine) return true;
    return sentenceNamesTerm(text, matches, k) || sibling(text, matches[k - 1], m) || sibling(text, m, matches[k + 1]);
  });
}

/** How far a sentence reaches on either side of a word: farther text is no sentence of prose. */
const SENTENCE_REACH = 500;

/** Whether the sentence of `matches[k]` has a match of a form that is no everyday word. */
function sentenceNamesTerm(text: string, matches: readonly TermMatch[], k: number): boolean {
  const m = matches[k]!;
  for (let j = k - 1; j >= 0 && m.start - matches[j]!.end <= SENTENCE_REACH; j--) {
    if (sentenceEndBetween(text, matches[j]!.end, m.start)) break;
    if (!matches[j]!.context) return true;
  }
  for (let j = k + 1; j < matches.length && matches[j]!.start - m.end <= SENTENCE_REACH; j++) {
    if (sentenceEndBetween(text, m.end, matches[j]!.start)) break;
    if (!matches[j]!.context) return true;
  }
  return false;
}

/** Whether a sentence ends in text[from, to): a CJK or ASCII stop, or a line break. */
function sentenceEndBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (STOPS.has(c) || (c === 46 /* . */ && /\s/.test(text[i + 1] ?? ''))) return true;
  }
  return false;
}

/** Two matches of one entry written side by side (`美学/ext`, `hn / hyper`). */
function sibling(text: string, a: TermMatch | undefined, b: TermMatch | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.ids.some((id) => b.ids.includes(id)) &&
    SIBLING_GAP.test(text.slice(a.end, b.start))
  );
}
