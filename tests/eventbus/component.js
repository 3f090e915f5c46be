#!/usr/bin/env node
/* A Node component of the same Blocklet app, using the real @blocklet/sdk event bus (environment: the standard
 * component variables, as Blocklet Server sets them).
 *   node component.js subscribe   EventBus.subscribe(): one {"event": ...} line per event received
 *   node component.js publish     one JSON command per stdin line, {"type": "...", "event": {id, time, data}},
 *                                 published with EventBus.publish() (Payment Kit's side); answers {"published": id}
 *                                 or {"error": message} per line
 */
const readline = require('node:readline');
const EventBus = require('@blocklet/sdk/lib/service/eventbus');

const out = (fact) => process.stdout.write(`${JSON.stringify(fact)}\n`);
// The SDK logs token refreshes and join errors with console.*; keep stdout for facts only.
console.log = (...args) => process.stderr.write(`${args.map(String).join(' ')}\n`);
console.info = console.log;
console.warn = console.log;

const mode = process.argv[2];
if (mode === 'subscribe') {
  EventBus.subscribe((event) => out({ event })).then(() => out({ subscribed: true }), (err) => out({ error: err.message }));
} else if (mode === 'publish') {
  const rl = readline.createInterface({ input: process.stdin });
  const queue = [];
  let busy = false;
  const next = async () => {
    if (busy || queue.length === 0) return;
    busy = true;
    const { type, event } = queue.shift();
    try {
      await EventBus.publish(type, event);
      out({ published: event.id });
    } catch (err) {
      out({ error: err.message, id: event.id });
    }
    busy = false;
    next();
  };
  rl.on('line', (line) => {
    if (!line.trim()) return;
    queue.push(JSON.parse(line));
    next();
  });
  rl.on('close', () => setTimeout(() => process.exit(0), 100));
} else {
  process.stderr.write('usage: node component.js subscribe|publish\n');
  process.exit(2);
}
process.stdin.on('end', () => {
  if (mode === 'subscribe') process.exit(0);
});
