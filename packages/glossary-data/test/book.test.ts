/**
 * The book's other pages as sources: the copies are the book's, and every sentence the overlay takes
 * from them is in its entry. The sentences are read here with plain line handling, not with the build's
 * parser, so a parser that dropped or changed text fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { entries, getEntry } from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bookDir = `${packageDir}source/book/`;
const upstreamDir = fileURLToPath(new URL('../../../../shared/upstream/StableDiffusionBook/src/', import.meta.url));
const overlay = JSON.parse(readFileSync(`${packageDir}source/overlay.json`, 'utf8')) as {
  entries: Record<string, { headword: string; book?: Array<{ page: string; anchor: string; blocks?: string[] }> }>;
};
const bookFiles = readdirSync(bookDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));

/** A page's lines from the heading with this anchor's text to the next heading, code fences kept whole. */
function sectionLines(lines: readonly string[], heading: string): string[] {
  const start = lines.findIndex((l) => /^#{2,6} /.test(l) && l.replace(/^#+ /, '').trim() === heading);
  expect(start, `heading "${heading}"`).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  let fenced = false;
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced && /^#{1,6} /.test(line)) break;
    out.push(line);
  }
  return out;
}

/** The lines of the list item or paragraph that starts with `start` (markup taken off), up to the next one. */
function blockLines(lines: readonly string[], start: string): string[] {
  const first = lines.findIndex((l) => plain(l.replace(/^\s*[-*]\s+/, '')).startsWith(plain(start)));
  expect(first, `a block starting "${start}"`).toBeGreaterThanOrEqual(0);
  const out = [lines[first]!];
  for (const line of lines.slice(first + 1)) {
    if (!line.trim() || /^\s*[-*]\s+/.test(line)) break;
    out.push(line);
  }
  return out;
}

/** Text without markdown markup or spaces, full-width and ASCII alike (NFKC). */
function plain(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?/g, '$1')
    .replace(/\[([^\]]*)\]\((<[^>]*>|[^)]*)\)/g, '$1')
    .replace(/^\s*(:::.*|[-*]\s+|>\s?)/, '')
    .replace(/\\(.)/g, '$1')
    .replace(/[`*_]/g, '')
    .normalize('NFKC')
    .replace(/\s+/g, '');
}

/** Sentences of some lines: split after 。！？ and at line ends, container markers and fences left out. */
function sentences(lines: readonly string[]): string[] {
  return lines
    .filter((l) => !/^\s*(:::|```|~~~)/.test(l))
    .flatMap((l) => l.split(/(?<=[。！？])/))
    .map(plain)
    .filter((s) => s.length > 1);
}

describe('the book’s pages', () => {
  test.runIf(existsSync(upstreamDir))('every file under source/book/ is the book’s page, byte for byte', () => {
    expect(bookFiles.length).toBeGreaterThan(5);
    for (const file of bookFiles) {
      const copy = readFileSync(`${bookDir}${file}`);
      expect(copy.equals(readFileSync(`${upstreamDir}${file}`)), file).toBe(true);
    }
  });

  const selected = Object.entries(overlay.entries).filter(([, item]) => item.book);

  test('the overlay takes text from the book for at least 40 entries', () => {
    expect(selected.length).toBeGreaterThanOrEqual(40);
  });

  test.each(selected)('%s: every sentence the overlay selects is in the entry, with the page it comes from', (id) => {
    const entry = getEntry(id)!;
    const text = plain(entry.definition.text);
    for (const selector of overlay.entries[id]!.book!) {
      const file = `source/book/${selector.page}.md`;
      const lines = readFileSync(`${packageDir}${file}`, 'utf8').split('\n');
      const source = entry.sources.find((s) => s.file === file && s.anchor === selector.anchor);
      expect(source, `${id} cites ${file}#${selector.anchor}`).toBeDefined();
      expect(source!.url).toBe(`https://guide.novelai.dev/${selector.page}#${encodeURIComponent(selector.anchor)}`);
      expect(entry.links.map((l) => l.url)).toContain(source!.url);
      const section = sectionLines(lines, source!.heading);
      const picked = selector.blocks ? selector.blocks.flatMap((b) => blockLines(section, b)) : section;
      const missing = sentences(picked).filter((s) => !text.includes(s));
      expect(missing, `${id}: sentences of ${file} › ${source!.heading}`).toEqual([]);
    }
  });

  test('an entry made of the book’s text is the page’s, not editorial, and writes its headword there', () => {
    const made = entries.filter((e) => e.sources.every((s) => s.file.startsWith('source/book/')));
    expect(made.length).toBeGreaterThanOrEqual(30);
    for (const entry of made) {
      expect(entry.origin, entry.id).toBeUndefined();
      expect(entry.references, entry.id).toBeUndefined();
      expect(entry.definition.text, entry.id).toContain(entry.headword);
    }
  });

  test('the samplers the book describes carry their names in the three tools', () => {
    expect(
      ['euler', 'euler-a', 'ddim', 'lms', 'plms', 'dpm2'].map((id) => [id, getEntry(id)?.toolNames?.comfyui]),
    ).toEqual([
      ['euler', 'euler'],
      ['euler-a', 'euler_ancestral'],
      ['ddim', 'ddim'],
      ['lms', 'lms'],
      ['plms', null],
      ['dpm2', 'dpm_2'],
    ]);
  });
});
