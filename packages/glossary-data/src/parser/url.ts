/**
 * True for an absolute http(s) URL that `new URL` accepts.
 * @param url - any string.
 */
export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
