'use strict';

// Differential oracle: for each stdin line (base64 of UTF-8 JSON text) writes one stdout line,
//   "OK <base64 of json-stable-stringify(JSON.parse(text))>"   or   "ERR <message>".
// Same json-stable-stringify the SDK signs with (pinned in package.json).
// Loads only json-stable-stringify: no SDK, so it starts in milliseconds.

const readline = require('node:readline');
const stableStringify = require('json-stable-stringify');

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
const flush = () => {
  if (out.length) process.stdout.write(out.splice(0).join(''));
};

rl.on('line', (line) => {
  const text = Buffer.from(line.trim(), 'base64').toString('utf8');
  try {
    out.push(`OK ${Buffer.from(stableStringify(JSON.parse(text)), 'utf8').toString('base64')}\n`);
  } catch (e) {
    out.push(`ERR ${String(e.message).replace(/[\r\n]+/g, ' ')}\n`);
  }
  if (out.length >= 256) flush();
});
rl.on('close', flush);
