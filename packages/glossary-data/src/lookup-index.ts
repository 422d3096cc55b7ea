import { formKeys, singulars } from './tokenize.js';
import type { GlossaryEntry } from './glossary-types.js';

/** Finds entries by any of their surface forms. */
export interface LookupIndex {
  /**
   * Finds the entries a surface form names.
   * @param surface - a term as a user may write it (`cfg_scale`, `CFG Scale`, `dreamBooth`, `VAEs`, `炸炉`).
   * @returns the entries, in glossary order; empty when nothing matches.
   */
  lookup(surface: string): GlossaryEntry[];
}

/**
 * Builds the lookup index: every key of every form (see `formKeys`) → the entries it names.
 * @param entries - the glossary's entries.
 * @returns an index whose lookups are one or two map reads.
 */
export function createLookupIndex(entries: readonly GlossaryEntry[]): LookupIndex {
  const byKey = new Map<string, GlossaryEntry[]>();
  for (const entry of entries) {
    for (const form of entry.forms) {
      for (const key of formKeys(form.text)) {
        const list = byKey.get(key);
        if (!list) byKey.set(key, [entry]);
        else if (!list.includes(entry)) list.push(entry);
      }
    }
  }

  function lookup(surface: string): GlossaryEntry[] {
    const keys = formKeys(surface);
    for (const key of keys) {
      const hit = byKey.get(key);
      if (hit) return [...hit];
    }
    // A plural of a Latin form: try the singular of the last word.
    const spaced = keys[0];
    if (spaced === undefined) return [];
    const cut = spaced.lastIndexOf(' ') + 1;
    for (const singular of singulars(spaced.slice(cut))) {
      const hit = byKey.get(spaced.slice(0, cut) + singular);
      if (hit) return [...hit];
    }
    return [];
  }

  return { lookup };
}
