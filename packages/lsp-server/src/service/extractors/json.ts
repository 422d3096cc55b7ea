import { subtract, urlSpans, type Extractor, type Region } from './regions.js';

/**
 * JSON and JSONC: the insides of strings (keys and values) and of comments. Line by line: a block
 * comment that spans lines is read as code on its inner lines.
 */
export const json: Extractor = (line) => {
  const regions: Region[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < n && line.charCodeAt(j) !== 34) j += line.charCodeAt(j) === 92 /* \ */ ? 2 : 1;
      regions.push({ start: i + 1, end: Math.min(j, n) });
      i = j + 1;
    } else if (c === 47 /* / */ && line.charCodeAt(i + 1) === 47) {
      regions.push({ start: i + 2, end: n });
      break;
    } else if (c === 47 && line.charCodeAt(i + 1) === 42 /* * */) {
      const close = line.indexOf('*/', i + 2);
      regions.push({ start: i + 2, end: close < 0 ? n : close });
      i = close < 0 ? n : close + 2;
    } else {
      i++;
    }
  }
  return subtract(regions, urlSpans(line));
};
