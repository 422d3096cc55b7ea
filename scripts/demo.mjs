// The main job's demo: the built glossary at work. Run by `pnpm demo` after `pnpm build`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const data = await import(new URL('../packages/glossary-data/dist/index.js', import.meta.url).href);
const { glossary, lookup, search, findTerms, getEntry } = data;

// Terminal columns: CJK characters are two wide.
const width = (s) =>
  [...s].reduce(
    (w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(c) ? 2 : 1),
    0,
  );
const pad = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));
const rule = (title) => console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`);

console.log(`SD Glossary ${glossary.version}: ${glossary.entries.length} terms from ${glossary.source.url}`);
console.log(`(glossary text ${glossary.license.spdx}, © 2022 StableDiffusionBook)`);

rule('lookup("cfg_scale")');
const [cfg] = lookup('cfg_scale');
console.log(
  `${cfg.headword} — ${cfg.forms
    .slice(1)
    .map((f) => f.text)
    .join(', ')}`,
);
console.log(cfg.definition.text);

rule('search("zl"), search("Dream"), search("炸")');
for (const query of ['zl', 'Dream', '炸']) {
  const results = search(query, { limit: 3 }).map((r) => `${r.form} (${r.matchedBy})`);
  console.log(`${pad(query, 6)} → ${results.join(', ')}`);
}

const file = fileURLToPath(new URL('../examples/training-notes.md', import.meta.url));
const text = readFileSync(file, 'utf8');
rule(`scan examples/training-notes.md`);
const lineOf = (offset) => text.slice(0, offset).split('\n').length;
const seen = new Set();
for (const hit of findTerms(text)) {
  const entries = hit.ids.map(getEntry);
  console.log(
    `${String(lineOf(hit.start)).padStart(3)}  ${pad(hit.text, 14)} → ${entries.map((e) => e.headword).join(' | ')}`,
  );
  for (const id of hit.ids) seen.add(id);
}
rule(`${seen.size} terms used, with their definitions`);
for (const id of seen) {
  const entry = getEntry(id);
  console.log(`${entry.headword}: ${entry.summary}`);
}

// The language server, as an editor runs it: over stdio, JSON-RPC with Content-Length framing.
const { spawn } = await import('node:child_process');
const server = spawn(
  process.execPath,
  [fileURLToPath(new URL('../packages/lsp-server/bin/sd-glossary-lsp.js', import.meta.url)), '--stdio'],
  {
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const pending = new Map();
let buffer = Buffer.alloc(0);
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
    buffer = buffer.subarray(headerEnd + 4 + length);
    if (message.id !== undefined && pending.has(message.id)) {
      pending.get(message.id)(message.result);
      pending.delete(message.id);
    } else if (message.id !== undefined) {
      send({ jsonrpc: '2.0', id: message.id, result: null }); // a request from the server
    }
  }
});
const send = (message) => {
  const body = JSON.stringify(message);
  server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
};
let nextId = 1;
const request = (method, params) =>
  new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    send({ jsonrpc: '2.0', id, method, params });
  });
const notify = (method, params) => send({ jsonrpc: '2.0', method, params });

rule('the language server (sd-glossary-lsp --stdio)');
const started = performance.now();
const init = await request('initialize', {
  processId: process.pid,
  rootUri: null,
  capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } },
});
console.log(
  `${init.serverInfo.name} ${init.serverInfo.version} answered initialize in ` +
    `${(performance.now() - started).toFixed(0)} ms`,
);
notify('initialized', {});
const uri = new URL('../examples/training-notes.md', import.meta.url).href;
notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
const lines = text.split('\n');
const hoverAt = { line: 2, character: lines[2].indexOf('炸炉') };
const hover = await request('textDocument/hover', { textDocument: { uri }, position: hoverAt });
console.log(
  `hover at ${hoverAt.line + 1}:${hoverAt.character + 1} ` +
    `(${lines[2].slice(hoverAt.character, hoverAt.character + 2)}):`,
);
console.log(
  hover.contents.value
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n'),
);
notify('textDocument/didChange', {
  textDocument: { uri, version: 2 },
  contentChanges: [
    {
      range: { start: { line: lines.length - 1, character: 0 }, end: { line: lines.length - 1, character: 0 } },
      text: '\nzl',
    },
  ],
});
const completion = await request('textDocument/completion', {
  textDocument: { uri },
  position: { line: lines.length, character: 2 },
  context: { triggerKind: 1 },
});
console.log(`completing "zl": ${completion.items.map((i) => `${i.label} (${i.detail.slice(0, 24)}…)`).join(', ')}`);
await request('shutdown', null);
notify('exit');
