import type { GlossaryIndex } from './glossary-index.js';

/** A use of a spelling the glossary discourages (`Lora` where it writes `LoRA`). */
export interface DiscouragedUse {
  /** 0-based line. */
  readonly line: number;
  /** UTF-16 offset of the use in its line. */
  readonly character: number;
  /** UTF-16 offset just past it. */
  readonly end: number;
  /** The use, as written. */
  readonly text: string;
  /** What the glossary writes instead. */
  readonly preferred: string;
  /** The entry. */
  readonly id: string;
}

/**
 * Finds the spellings a glossary discourages in prose: entries' `discouraged` forms, as written
 * (case included), outside code — in markdown, fenced code blocks and inline code spans hold a
 * tool's own spelling (`--lora_dim`, `train_dreambooth.py`) and are left alone.
 * @param index - the glossary.
 * @param text - the document.
 * @param markdown - read it as markdown (code aside); otherwise every line is prose.
 * @returns the uses in document order; empty when there are none.
 */
export function findDiscouraged(index: GlossaryIndex, text: string, markdown: boolean): DiscouragedUse[] {
  const uses: DiscouragedUse[] = [];
  let fence: string | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, n) => {
    const marker = markdown ? /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1] : undefined;
    if (fence !== undefined) {
      if (
        marker &&
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        !line.slice(line.indexOf(marker) + marker.length).trim()
      ) {
        fence = undefined;
      }
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    const code = markdown ? [...line.matchAll(/(`+)[^`]+?\1(?!`)/g)] : [];
    for (const match of index.findTerms(line)) {
      if (code.some((c) => c.index <= match.start && match.start < c.index + c[0].length)) continue;
      const entry = match.ids.map((id) => index.getEntry(id)).find((e) => e?.discouraged?.includes(match.text));
      if (entry?.preferred === undefined) continue;
      uses.push({
        line: n,
        character: match.start,
        end: match.end,
        text: match.text,
        preferred: entry.preferred,
        id: entry.id,
      });
    }
  });
  return uses;
}

/**
 * A text with every discouraged use replaced by the preferred spelling.
 * @param text - the document.
 * @param uses - what `findDiscouraged` found in it.
 * @returns the text, fixed; the same text when there is nothing to fix.
 */
export function fixDiscouraged(text: string, uses: readonly DiscouragedUse[]): string {
  const lines = text.split(/(\r\n|\r|\n)/);
  // Lines and their breaks alternate; the last use in a line first, so earlier offsets hold.
  for (const use of [...uses].reverse()) {
    const i = use.line * 2;
    const line = lines[i]!;
    lines[i] = line.slice(0, use.character) + use.preferred + line.slice(use.end);
  }
  return lines.join('');
}
