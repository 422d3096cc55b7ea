import type { Glossary, GlossaryEntry } from '../glossary-types.js';
import { formKeys, hasCjk, hasLatin } from '../tokenize.js';
import type { GlossaryIssue, SourcePosition } from './issues.js';
import type { JsonPath } from './json-source.js';
import { isHttpUrl } from './url.js';

function where(pos: SourcePosition): string {
  return `${pos.file}:${pos.line}`;
}

/**
 * The entry's own problems (not those beside other entries), reported through `issue`.
 * @returns the match keys of its forms.
 */
function checkEntry(entry: GlossaryEntry, e: number, issue: (path: JsonPath, message: string) => void): string[][] {
  const path = ['entries', e] as const;
  if (entry.forms[0].text !== entry.headword || entry.forms[0].kind !== 'headword') {
    issue([...path, 'forms', 0], `the first form of "${entry.headword}" must be its headword`);
  }
  const ownKeys = new Map<string, number>();
  const keysOfForms = entry.forms.map((form, f) => {
    const formPath = [...path, 'forms', f];
    if (f > 0 && form.kind === 'headword') issue(formPath, `"${form.text}": an entry has one headword form`);
    if (hasCjk(form.text) && hasLatin(form.text)) {
      issue(
        formPath,
        `form "${form.text}" mixes Chinese and Latin letters, which the term matcher cannot find; ` +
          'give the parts as separate forms',
      );
    }
    const keys = formKeys(form.text);
    if (keys.length === 0) issue(formPath, `form "${form.text}" has no letters`);
    const spaced = keys[0];
    if (spaced !== undefined) {
      const same = ownKeys.get(spaced);
      if (same !== undefined)
        issue(formPath, `form "${form.text}" repeats "${entry.forms[same]!.text}" of the same entry`);
      else ownKeys.set(spaced, f);
    }
    return keys;
  });
  for (const field of ['definition', 'gloss'] as const) {
    const text = entry[field];
    if (text && (!text.text.trim() || !text.markdown.trim()))
      issue([...path, field], `"${entry.headword}" has an empty ${field}`);
  }
  if (!entry.summary.trim()) issue([...path, 'summary'], `"${entry.headword}" has an empty summary`);
  entry.links.forEach((link, l) => {
    if (!isHttpUrl(link.url))
      issue([...path, 'links', l, 'url'], `link "${link.title}" has a malformed URL "${link.url}"`);
    if (link.archiveUrl !== undefined && !isHttpUrl(link.archiveUrl)) {
      issue(
        [...path, 'links', l, 'archiveUrl'],
        `archive of link "${link.title}" has a malformed URL "${link.archiveUrl}"`,
      );
    }
  });
  // An editorial entry stands on its primary sources; the page's entries stand on the page.
  if (entry.origin === 'editorial' && !entry.references?.length)
    issue([...path], `editorial entry "${entry.headword}" cites no source: give it at least one reference`);
  if (entry.origin !== 'editorial' && entry.references)
    issue([...path, 'references'], `"${entry.headword}" has references, which only an editorial entry has`);
  entry.references?.forEach((link, l) => {
    if (!isHttpUrl(link.url))
      issue([...path, 'references', l, 'url'], `reference "${link.title}" has a malformed URL "${link.url}"`);
  });
  entry.sources.forEach((source, s) => {
    if (source.url !== undefined && !isHttpUrl(source.url))
      issue([...path, 'sources', s, 'url'], `malformed URL "${source.url}"`);
  });
  return keysOfForms;
}

/**
 * Checks what a JSON Schema cannot: unique ids, no surface form naming two entries unless declared
 * in `sharedForms`, forms the matcher can find, non-empty texts, resolvable see-also ids, well-formed URLs,
 * and a reference for every editorial entry.
 * @param glossary - a document that already passed the schema.
 * @param locate - where a path into the document is written in its source.
 * @returns the problems found; empty when the document is sound.
 */
export function checkGlossary(glossary: Glossary, locate: (path: JsonPath) => SourcePosition): GlossaryIssue[] {
  const issues: GlossaryIssue[] = [];
  const issue = (path: JsonPath, message: string): void => {
    issues.push({ ...locate(path), message });
  };

  const idIndex = new Map<string, number>();
  glossary.entries.forEach((entry, i) => {
    const first = idIndex.get(entry.id);
    if (first === undefined) idIndex.set(entry.id, i);
    else issue(['entries', i], `duplicate id "${entry.id}" (first used at ${where(locate(['entries', first]))})`);
  });

  const declared = new Map<string, { ids: Set<string>; used: boolean; index: number }>();
  (glossary.sharedForms ?? []).forEach((shared, index) => {
    const key = formKeys(shared.form)[0];
    if (key === undefined) {
      issue(['sharedForms', index, 'form'], `shared form "${shared.form}" has no letters`);
      return;
    }
    for (const id of shared.ids) {
      if (!idIndex.has(id))
        issue(['sharedForms', index, 'ids'], `shared form "${shared.form}" names unknown id "${id}"`);
    }
    declared.set(key, { ids: new Set(shared.ids), used: false, index });
  });

  const owner = new Map<string, { entry: number; form: number }>();
  glossary.entries.forEach((entry, e) => {
    const path = ['entries', e] as const;
    const keysOfForms = checkEntry(entry, e, issue);
    keysOfForms.forEach((keys, f) => {
      const form = entry.forms[f]!;
      for (const key of keys) {
        const other = owner.get(key);
        if (!other) {
          owner.set(key, { entry: e, form: f });
          continue;
        }
        if (other.entry === e) continue;
        const otherEntry = glossary.entries[other.entry]!;
        const shared = declared.get(key);
        if (shared && shared.ids.has(entry.id) && shared.ids.has(otherEntry.id)) {
          shared.used = true;
          continue;
        }
        issue(
          [...path, 'forms', f],
          `form "${form.text}" of "${entry.headword}" is also a form of "${otherEntry.headword}" ` +
            `(${where(locate(['entries', other.entry, 'forms', other.form]))}); ` +
            'give it to one entry, or declare it in sharedForms',
        );
        break;
      }
    });
    entry.seeAlso.forEach((id, s) => {
      if (id === entry.id) issue([...path, 'seeAlso', s], `"${entry.id}" lists itself in seeAlso`);
      else if (!idIndex.has(id)) issue([...path, 'seeAlso', s], `seeAlso of "${entry.id}" names unknown id "${id}"`);
    });
  });

  for (const [, shared] of declared) {
    if (!shared.used) {
      const form = glossary.sharedForms![shared.index]!.form;
      issue(
        ['sharedForms', shared.index],
        `shared form "${form}" is not shared by the entries it names; remove the declaration`,
      );
    }
  }
  return issues;
}
