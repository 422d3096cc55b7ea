import type { Glossary, GlossaryEntry } from '@sd-glossary/data/core';

/** A workspace glossary and where it is. */
export interface WorkspaceGlossary {
  readonly uri: string;
  readonly glossary: Glossary;
  /** One of the user's own glossaries (`userGlossaries`), not the workspace's. */
  readonly user?: boolean;
}

/** The merged glossary, and for each entry where it comes from. */
export interface MergedGlossary {
  readonly glossary: Glossary;
  /** The URI of the file that defines an entry (a workspace file, or the built-in source). */
  sourceUri(entry: GlossaryEntry): string | undefined;
  /** True for entries of the built-in glossary (their text is StableDiffusionBook's, GFDL). */
  isBuiltin(entry: GlossaryEntry): boolean;
  /** What hovers call the glossary a workspace or user entry comes from. */
  labelOf(entry: GlossaryEntry): string;
}

/**
 * Puts workspace glossaries before the built-in one: their entries come first wherever a form is
 * shared (hover, completion). Workspace ids get a prefix per file (`ws1-…`) so they never clash.
 * @param builtin - the built-in glossary, or `undefined` when the user turned it off.
 * @param builtinSourceUri - where a built-in entry is written (the page, or the editorial page).
 * @param workspace - the valid workspace glossaries, in discovery order.
 */
export function mergeGlossaries(
  builtin: Glossary | undefined,
  builtinSourceUri: (entry: GlossaryEntry) => string | undefined,
  workspace: readonly WorkspaceGlossary[],
): MergedGlossary {
  const uriOf = new Map<GlossaryEntry, string | undefined>();
  const users = new Set<GlossaryEntry>();
  const builtinEntries = new Set(builtin?.entries ?? []);
  const entries: GlossaryEntry[] = [];
  workspace.forEach(({ uri, glossary, user }, n) => {
    const prefix = `ws${n + 1}-`;
    const own = new Set(glossary.entries.map((e) => e.id));
    for (const entry of glossary.entries) {
      const renamed: GlossaryEntry = {
        ...entry,
        id: prefix + entry.id,
        seeAlso: entry.seeAlso.map((id) => (own.has(id) ? prefix + id : id)),
      };
      uriOf.set(renamed, uri);
      if (user) users.add(renamed);
      entries.push(renamed);
    }
  });
  for (const entry of builtin?.entries ?? []) {
    uriOf.set(entry, builtinSourceUri(entry));
    entries.push(entry);
  }
  const glossary: Glossary = builtin
    ? { ...builtin, entries }
    : { $schema: workspace[0]?.glossary.$schema ?? '', locale: 'und', entries };
  return {
    glossary,
    sourceUri: (entry) => uriOf.get(entry),
    isBuiltin: (entry) => builtinEntries.has(entry),
    labelOf: (entry) => (users.has(entry) ? 'user glossary' : 'workspace glossary'),
  };
}
