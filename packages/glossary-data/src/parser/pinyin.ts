import { pinyin as toPinyin } from 'pinyin-pro';
import type { Pinyin } from '../glossary-types.js';
import { hasCjk } from '../tokenize.js';

/**
 * Computes the toneless pinyin of a form's Chinese characters (other characters are left out).
 * @param text - a surface form.
 * @returns full syllables and initials, or `undefined` when the form has no Chinese characters.
 */
export function pinyinOf(text: string): Pinyin | undefined {
  if (!hasCjk(text)) return undefined;
  const syllables = toPinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter(Boolean);
  if (syllables.length === 0) return undefined;
  return { full: syllables.join(' '), initials: syllables.map((s) => s[0]).join('') };
}
