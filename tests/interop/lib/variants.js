'use strict';

// Other serializations of the SAME parsed value: the bytes a receiver may see when the sender
// (or a proxy) re-serialized the object it signed. JSON.parse of every variant must give a
// value that json-stable-stringify writes exactly like the original (checked by the caller).

const { mulberry32 } = require('./events');

function escapeNonAscii(s) {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) out += ch;
    else {
      for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase()}`;
    }
  }
  return out;
}

function numberText(n, style, rand) {
  if (!Number.isFinite(n)) return 'null';
  const plain = JSON.stringify(n);
  if (style !== 'odd') return plain;
  if (Object.is(n, 0)) return rand() < 0.5 ? '-0' : '0.000e+7';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) {
    switch (Math.floor(rand() * 3)) {
      case 0: return `${plain}.0`;
      case 1: return `${plain}E0`;
      default: return `${plain}00e-2`;
    }
  }
  return plain.includes('e') ? plain.replace('e', 'E') : `${plain}0`;
}

/**
 * opts: { indent: string, newline: string, order: 'reverse'|'shuffle'|'keep',
 *         nonAscii: bool (\\u escapes), slash: bool (\\/), numbers: 'odd'|'plain', seed }
 */
function serialize(value, opts = {}) {
  const rand = mulberry32(opts.seed ?? 7);
  const nl = opts.newline ?? (opts.indent ? '\n' : '');
  const ind = opts.indent ?? '';
  const sep = opts.indent ? ': ' : ':';

  const str = (s) => {
    let t = JSON.stringify(s);
    if (opts.nonAscii) t = escapeNonAscii(t);
    if (opts.slash) t = t.replace(/\//g, '\\/');
    return t;
  };

  const walk = (v, depth) => {
    if (v === null || typeof v === 'boolean') return JSON.stringify(v);
    if (typeof v === 'number') return numberText(v, opts.numbers, rand);
    if (typeof v === 'string') return str(v);
    const pad = nl + ind.repeat(depth + 1);
    const end = nl + ind.repeat(depth);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[${v.map((x) => pad + walk(x, depth + 1)).join(',')}${end}]`;
    }
    let keys = Object.keys(v);
    if (opts.order === 'reverse') keys = keys.reverse();
    else if (opts.order === 'shuffle') {
      for (let i = keys.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [keys[i], keys[j]] = [keys[j], keys[i]];
      }
    }
    if (keys.length === 0) return '{}';
    return `{${keys.map((k) => `${pad}${str(k)}${sep}${walk(v[k], depth + 1)}`).join(',')}${end}}`;
  };
  return walk(value, 0);
}

const RESERIALIZATIONS = [
  { label: 'pretty-2-spaces', opts: { indent: '  ' } },
  { label: 'keys-reversed', opts: { order: 'reverse' } },
  { label: 'keys-shuffled-tabs-crlf', opts: { order: 'shuffle', indent: '\t', newline: '\r\n' } },
  { label: 'unicode-and-slash-escaped', opts: { nonAscii: true, slash: true, order: 'shuffle', seed: 3 } },
  { label: 'numbers-rewritten', opts: { numbers: 'odd', order: 'reverse', seed: 11 } },
  { label: 'all-of-it', opts: { indent: '    ', order: 'shuffle', nonAscii: true, slash: true, numbers: 'odd', seed: 5 } },
];

module.exports = { serialize, RESERIALIZATIONS, escapeNonAscii };
