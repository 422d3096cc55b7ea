import type { Glossary, GlossaryEntry } from '../glossary-types.js';
import { formKeys, hasCjk, hasLatin } from '../tokenize.js';
import type { GlossaryIssue, SourcePosition } from './issues.js';
import type { JsonPath } from './json-source.js';
import { isHttpUrl } from './markdown.js';

function where(pos: SourcePosition): string {
  return `${pos.file}:${pos.line}`;
}

/**
 * What `checkGlossary` keeps between checks of one source's successive documents (a parse cache
 * holds one): entries are never changed once built, so what was found about an entry holds.
 */
export interface CheckMemo {
  /** Entries that passed their own checks, with the match keys of their forms. */
  readonly own: WeakMap<GlossaryEntry, ReadonlyArray<readonly string[]>>;
  /**
   * The last sound document (without shared forms): its entries, the entry each key and id
   * belongs to, and the round its entries were marked with (entries as the memo knows them).
   */
  last?: {
    readonly entries: readonly GlossaryEntry[];
    readonly owner: Map<string, GlossaryEntry>;
    readonly ids: Map<string, GlossaryEntry>;
    readonly round: number;
  };
  /** The last round each entry was in a sound document: tells new entries and gone ones apart. */
  readonly present: WeakMap<GlossaryEntry, number>;
  round: number;
  /**
   * An entry that only moved (the same text at another line: a new object, as its `sources` say
   * where) → the entry it was first: the memo knows it by that one.
   */
  readonly lineage: WeakMap<GlossaryEntry, GlossaryEntry>;
}

/** The entry the memo knows an entry by (itself, or the one it moved from). */
const known = (memo: CheckMemo, entry: GlossaryEntry): GlossaryEntry => memo.lineage.get(entry) ?? entry;

/**
 * Creates an empty check memo.
 * @returns the memo, to pass to every check of one source.
 */
export function createCheckMemo(): CheckMemo {
  return { own: new WeakMap(), present: new WeakMap(), round: 0, lineage: new WeakMap() };
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
        `form "${form.text}" mixes Chinese and Latin letters, which the term matcher cannot find; give the parts as separate forms`,
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
  entry.sources.forEach((source, s) => {
    if (source.url !== undefined && !isHttpUrl(source.url))
      issue([...path, 'sources', s, 'url'], `malformed URL "${source.url}"`);
  });
  return keysOfForms;
}

/**
 * Checks a document by what changed since the last sound one: the entries that are new pass their
 * own checks and take keys and ids no remaining entry has, and every see-also id still exists.
 * @returns true when the document is sound; false when the whole check must say what is wrong.
 */
function checkChanges(glossary: Glossary, memo: CheckMemo): boolean {
  const last = memo.last;
  if (!last || glossary.sharedForms?.length) return false;
  const round = ++memo.round;
  const added: GlossaryEntry[] = [];
  for (const entry of glossary.entries) {
    const self = known(memo, entry);
    if (memo.present.get(self) !== last.round) added.push(self);
    memo.present.set(self, round);
  }
  const gone = last.entries.filter((entry) => memo.present.get(entry) !== round);
  if (added.length + gone.length > glossary.entries.length / 4) return false;
  for (const entry of gone) {
    if (last.ids.get(entry.id) === entry) last.ids.delete(entry.id);
    for (const keys of memo.own.get(entry)!)
      for (const key of keys) if (last.owner.get(key) === entry) last.owner.delete(key);
  }
  let sound = true;
  for (const entry of added) {
    let own = 0;
    const keysOfForms = memo.own.get(entry) ?? checkEntry(entry, 0, () => own++);
    if (own > 0 || last.ids.has(entry.id)) sound = false;
    else memo.own.set(entry, keysOfForms);
    for (const keys of keysOfForms) {
      for (const key of keys) {
        const other = last.owner.get(key);
        if (other !== undefined && other !== entry) sound = false;
      }
    }
    if (!sound) break;
    last.ids.set(entry.id, entry);
    for (const keys of keysOfForms) for (const key of keys) last.owner.set(key, entry);
  }
  if (sound && gone.length > 0)
    sound = glossary.entries.every((entry) => entry.seeAlso.every((id) => id !== entry.id && last.ids.has(id)));
  else if (sound) sound = added.every((entry) => entry.seeAlso.every((id) => id !== entry.id && last.ids.has(id)));
  if (sound) memo.last = { ...last, entries: glossary.entries.map((entry) => known(memo, entry)), round };
  else delete memo.last;
  return sound;
}

/**
 * Checks what a JSON Schema cannot: unique ids, no surface form naming two entries unless declared
 * in `sharedForms`, forms the matcher can find, non-empty texts, resolvable see-also ids, well-formed URLs.
 * @param glossary - a document that already passed the schema.
 * @param locate - where a path into the document is written in its source.
 * @returns the problems found; empty when the document is sound.
 */
export function checkGlossary(glossary: Glossary, locate: (path: JsonPath) => SourcePosition): GlossaryIssue[] {
  return checkDocument(glossary, locate);
}

/**
 * `checkGlossary`, with what the checks of the same source's earlier documents found: a document
 * that differs from the last sound one by a few entries is checked by those.
 * @param memo - from `createCheckMemo`, one per source.
 */
export function checkDocument(
  glossary: Glossary,
  locate: (path: JsonPath) => SourcePosition,
  memo?: CheckMemo,
): GlossaryIssue[] {
  if (memo && checkChanges(glossary, memo)) return [];
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
    let own = 0;
    const keysOfForms =
      memo?.own.get(known(memo, entry)) ??
      checkEntry(entry, e, (at, message) => {
        own++;
        issue(at, message);
      });
    if (memo && own === 0) memo.own.set(known(memo, entry), keysOfForms);
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
            `(${where(locate(['entries', other.entry, 'forms', other.form]))}); give it to one entry, or declare it in sharedForms`,
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
  if (memo) {
    if (issues.length > 0 || glossary.sharedForms?.length) delete memo.last;
    else {
      const round = ++memo.round;
      const entries = glossary.entries.map((entry) => known(memo, entry));
      for (const entry of entries) memo.present.set(entry, round);
      memo.last = {
        entries,
        owner: new Map([...owner].map(([key, { entry }]) => [key, entries[entry]!])),
        ids: new Map(entries.map((entry) => [entry.id, entry])),
        round,
      };
    }
  }
  return issues;
}
