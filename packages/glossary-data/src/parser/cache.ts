import type { GlossaryEntry, Pinyin } from '../glossary-types.js';
import { createCheckMemo, type CheckMemo } from './check.js';
import type { SourcePosition } from './issues.js';
import type { DraftEntry, Read } from './markdown.js';
import type { PlacedTree } from './markdown-tree.js';

/**
 * What one build of a page leaves for the next build of the same page, so that a rebuild after an
 * edit parses, reads and checks only what the edit touched. Opaque: create it with
 * `createBuildCache`, keep one per file, pass it to every build of that file.
 */
export interface BuildCache {
  readonly kind: 'sd-glossary build cache';
}

/** What a build cache holds. Entries and drafts are never changed once made, so they can be kept. */
export interface CacheState extends BuildCache {
  /** Block text → its tree, as last placed in the page (see `parseMarkdownTree`). */
  blocks: Map<string, PlacedTree>;
  /** What was read from a row or a heading, and the other nodes it was read from (see `parseGlossaryMarkdown`). */
  readonly reads: WeakMap<object, { readonly parts: readonly unknown[]; readonly read: Read }>;
  /** The draft a row's read gave, and where. */
  readonly drafts: WeakMap<
    Read,
    { readonly at: SourcePosition; readonly heading: string; readonly anchor: string; readonly draft: DraftEntry }
  >;
  /** Numbers reads, so that a built entry can be kept by the reads it was made from. */
  serial: number;
  /** Entries by the reads (and overlay item) they were made from. */
  entries: Map<string, GlossaryEntry>;
  /** The entry each kept draft gave, with the overlay item it was given (JSON). */
  readonly entryByDraft: WeakMap<DraftEntry, { readonly extraKey: string | undefined; readonly entry: GlossaryEntry }>;
  /** Entries that passed the schema. */
  readonly validated: WeakSet<GlossaryEntry>;
  /** What the checks of the last builds found (see `checkGlossary`). */
  readonly check: CheckMemo;
  /** Form text → its pinyin (`null`: none). */
  pinyin: Map<string, Pinyin | null>;
}

/**
 * Creates an empty build cache, for every build of one file (a language server keeps one per
 * workspace glossary).
 * @returns the cache.
 */
export function createBuildCache(): BuildCache {
  const state: CacheState = {
    kind: 'sd-glossary build cache',
    blocks: new Map(),
    reads: new WeakMap(),
    drafts: new WeakMap(),
    serial: 0,
    entries: new Map(),
    entryByDraft: new WeakMap(),
    validated: new WeakSet(),
    check: createCheckMemo(),
    pinyin: new Map(),
  };
  return state;
}

/**
 * What a cache holds.
 * @param cache - a cache from `createBuildCache`.
 */
export const cacheState = (cache: BuildCache): CacheState => cache as CacheState;
