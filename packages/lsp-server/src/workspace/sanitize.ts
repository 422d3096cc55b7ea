/**
 * Makes untrusted markdown (a definition from a workspace glossary) safe to show in a hover: raw
 * HTML is removed, images become their alt text, and links that are not http(s) or file links
 * (`command:`, `javascript:`, `vscode:`…) become their text. Nothing is executed or fetched.
 */
const SAFE_LINK = /^(https?:|file:)/i;

/**
 * @param markdown - the untrusted markdown.
 * @returns markdown with only http(s) and file links, no HTML and no images.
 */
export function sanitizeMarkdown(markdown: string): string {
  return (
    markdown
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g, (whole: string, text: string, url: string) =>
        SAFE_LINK.test(url) ? whole : text,
      )
      // Autolinks before tags: `<https://…>` stays, `<command:…>` is shown as code, not followed.
      .replace(/<([a-z][a-z0-9+.-]*:[^<>\s]*)>/gi, (_: string, url: string) =>
        SAFE_LINK.test(url) ? `\u0000${url}\u0001` : `\`${url}\``,
      )
      .replace(/<\/?[A-Za-z][^<>]*>/g, '')
      .replace(/\u0000([^\u0001]*)\u0001/g, '<$1>')
  );
}
