import type { Glossary, RichText } from '../glossary-types.js';
import type { GlossaryIssue, SourcePosition } from './issues.js';
import type { JsonPath } from './json-source.js';
import { sanitizeMarkdown } from './sanitize.js';

/**
 * What a hover would not show as written, for `sd-glossary validate`: everything `sanitizeMarkdown`
 * drops from a definition, gloss or translation (raw HTML, images, links that are not http(s)), and
 * every URL (`links[].url`, `archiveUrl`, `references[].url`, `sources[].url`) that a markdown link
 * cannot hold as it is.
 * A valid document may have these: a language server shows it, without them.
 * @param glossary - a document that passed validation.
 * @param locate - where a path into it is written (`BuildGlossaryResult.locate`, `ValidateJsonResult.locate`).
 * @returns one issue per thing, at the field that holds it; empty when a hover shows everything.
 */
export function checkHoverContent(glossary: Glossary, locate: (path: JsonPath) => SourcePosition): GlossaryIssue[] {
  const issues: GlossaryIssue[] = [];
  glossary.entries.forEach((entry, e) => {
    const path = ['entries', e];
    const texts: Array<[RichText | undefined, JsonPath, string]> = [
      [entry.definition, [...path, 'definition'], 'definition'],
      [entry.gloss, [...path, 'gloss'], 'gloss'],
    ];
    for (const [locale, t] of Object.entries(entry.translations ?? {})) {
      texts.push([t?.definition, [...path, 'translations', locale, 'definition'], `${locale} definition`]);
      texts.push([t?.gloss, [...path, 'translations', locale, 'gloss'], `${locale} gloss`]);
    }
    for (const [rich, at, what] of texts) {
      if (!rich) continue;
      const dropped = sanitizeMarkdown(rich.markdown).dropped;
      for (const [thing, times] of tally(dropped)) {
        issues.push({
          ...locate([...at, 'markdown']),
          message: `the ${what} of "${entry.id}": a hover drops ${thing}${times > 1 ? ` (${times} times)` : ''}`,
        });
      }
    }
    entry.links.forEach((link, l) => {
      const url = urlProblem(link.url);
      if (url) issues.push({ ...locate([...path, 'links', l, 'url']), message: `link "${link.title}": ${url}` });
      const archive = link.archiveUrl === undefined ? undefined : urlProblem(link.archiveUrl);
      if (archive) {
        issues.push({
          ...locate([...path, 'links', l, 'archiveUrl']),
          message: `archive of link "${link.title}": ${archive}`,
        });
      }
    });
    entry.references?.forEach((link, l) => {
      const url = urlProblem(link.url);
      if (url)
        issues.push({ ...locate([...path, 'references', l, 'url']), message: `reference "${link.title}": ${url}` });
    });
    entry.sources.forEach((source, s) => {
      const url = source.url === undefined ? undefined : urlProblem(source.url);
      if (url) issues.push({ ...locate([...path, 'sources', s, 'url']), message: `source of "${entry.id}": ${url}` });
    });
  });
  return issues;
}

/** Each distinct string with how many times it occurs, in first-seen order. */
function tally(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** How a character that ends or breaks a markdown link destination is written in a URL. */
const ESCAPES: Record<string, string> = { '(': '%28', ')': '%29', '<': '%3C', '>': '%3E', ' ': '%20' };

/**
 * What keeps a URL from being a markdown link's destination as it is: whitespace, `<` or `>`, or a
 * parenthesis that is not balanced (`…/Hyperparameter_(machine_learning)` is fine, as in CommonMark).
 * Whether it is an http(s) URL at all is `checkGlossary`'s question.
 * @param url - the URL.
 * @returns the problem, or `undefined` when a link can hold it.
 */
function urlProblem(url: string): string | undefined {
  let depth = 0;
  for (const ch of url) {
    let bad = /[\s<>]/.test(ch);
    if (ch === '(') depth++;
    else if (ch === ')') bad = --depth < 0;
    if (bad) return `the URL "${url}" has ${describe(ch)}, which breaks a markdown link; write it as ${escape(ch)}`;
  }
  return depth > 0
    ? `the URL "${url}" has a "(" that no ")" closes, which breaks a markdown link; write it as %28`
    : undefined;
}

function describe(ch: string): string {
  if (ch === ' ') return 'a space';
  if (/\s/.test(ch)) return `whitespace (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
  return ch === ')' ? 'a ")" that no "(" opens' : `"${ch}"`;
}

function escape(ch: string): string {
  return ESCAPES[ch] ?? encodeURIComponent(ch);
}
