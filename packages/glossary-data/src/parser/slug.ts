// Punctuation and symbols that VitePress (the source page's site) turns into "-" in heading anchors.
const SPECIAL = /[\s~`!@#$%^&*()\-_+=[\]{}|\\;:"'“”‘’<>,.?/]+/g;

/**
 * Makes a heading anchor the way the source page's site (VitePress) does, so links land on the heading.
 * @param heading - heading text, e.g. `过拟合 (Overfitting)`.
 * @returns the anchor, e.g. `过拟合-overfitting`.
 */
export function headingAnchor(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[\u0000-\u001F]/g, '')
    .replace(SPECIAL, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(\d)/, '_$1')
    .toLowerCase();
}

/**
 * Makes an entry id from ASCII text: lower case, runs of anything else become one `-`.
 * @param text - ASCII-bearing text such as `Batch size`.
 * @returns the id (`batch-size`), or an empty string when the text has no ASCII letters or digits.
 */
export function idFromText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
