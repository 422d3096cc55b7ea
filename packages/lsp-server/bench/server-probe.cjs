// Loaded into the server with `node --require` by the benchmark's probed run: notes when each
// chunk arrives on stdin and when each write to stdout starts, and writes them to PROBE_OUT at
// exit, so that the benchmark can tell the time spent inside the server from the time on the pipe.
const { writeFileSync } = require('node:fs');

const events = [];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (...args) => {
  events.push(['write', performance.timeOrigin + performance.now()]);
  return write(...args);
};
// The server attaches its own listener before the event loop first runs, so it misses nothing.
process.stdin.on('data', () => events.push(['read', performance.timeOrigin + performance.now()]));
process.on('exit', () => writeFileSync(process.env.PROBE_OUT, JSON.stringify(events)));
