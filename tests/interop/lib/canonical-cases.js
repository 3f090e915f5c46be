'use strict';

// Canonicalisation-only cases: canonical = json-stable-stringify(JSON.parse(input)), or
// error = true when JSON.parse refuses the text. Inputs are UTF-8 text (escapes spelled out).

const stableStringify = require('json-stable-stringify');
const { mulberry32 } = require('./events');
const { serialize } = require('./variants');

const NUMBERS = [
  '0', '-0', '0.0', '-0.0', '0e0', '0E+10', '-0e-10', '1', '-1', '1.0', '1.50', '1E2', '1e+2', '1e-2', '1E-0',
  '0.1', '0.2', '0.30000000000000004', '1e-6', '1e-7', '0.000001', '0.0000001', '1.5e-7', '123e-20',
  '1e20', '1e21', '1e+21', '123456789012345680000', '100000000000000000000', '999999999999999999999',
  '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993', '12345678901234567890',
  '18446744073709551616', '5e-324', '2e-324', '1e-400', '-1e-400', '1.7976931348623157e308', '1.7976931348623159e308',
  '1e400', '-1e400', '2.2250738585072014e-308', '4.35', '0.5', '100', '1e3', '1234.5678e-2', '3.14159265358979323846',
  '25.000000000000004', '1e16', '1e15', '123456789e-5', '-123.456e78',
];

const STRINGS = [
  '""', '"plain"', '"\\u0000"', '"\\u001f\\u0020\\u007f"', '"\\b\\f\\n\\r\\t"', '"\\/"', '"\\""', '"\\\\"',
  '"\\ud800"', '"\\udc00"', '"\\udbff\\udfff"', '"\\ud83d\\ude00"', '"\\uDEAD\\uBEEF"', '"\u2028\u2029"', '"\\u2028"',
  '"é"', '"e\u0301"', '"中文"', '"😀"', '"\uFFFF"', '"\u{10FFFF}"', '"<>&\'"', '"\\u00e9\\u00E9"', '"\u0080\u009f"',
  '"\\u0041\\u0042"', '"\uFEFF"',
];

const DOCS = [
  ['empty-object', '{}'], ['empty-array', '[]'], ['null', 'null'], ['true', 'true'], ['false', 'false'],
  ['ws-around-scalar', ' \t\n\r 42 \r\n'], ['string-top', '"top"'],
  ['key-order-ascii', '{"b":1,"a":2,"C":3,"_":4,"aa":5,"a0":6}'],
  ['key-order-numeric-strings', '{"10":1,"9":2,"1":3,"01":4,"-1":5,"1.5":6}'],
  ['key-order-utf16', '{"｡":1,"😀":2,"\uE000":3,"\uFFFF":4,"é":5,"z":6}'],
  ['key-order-utf16-escaped', '{"\\uff61":1,"\\ud83d\\ude00":2,"\\ue000":3}'],
  ['key-order-lone-surrogates', '{"\\udc00":1,"\\ud800":2,"\\ud7ff":3,"\\ue000":4}'],
  ['key-order-prefixes', '{"abc":1,"ab":2,"a":3,"":4,"abcd":5}'],
  ['duplicate-last-wins', '{"a":1,"a":2}'],
  ['duplicate-type-change', '{"a":{"x":1},"a":[1],"a":"s"}'],
  ['duplicate-nested', '{"o":{"k":1,"k":{"z":1,"z":2}},"o":{"k":3,"j":4}}'],
  ['duplicate-order', '{"b":1,"a":1,"b":2}'],
  ['nested-mixed', '{"a":[{"c":1,"b":2},[],{}],"z":{"y":{"x":[null,true,false]}}}'],
  ['whitespace-heavy', ' {\r\n\t"a" :\t[ 1 ,\n2 ] ,  "b"\n:\n{ } }\n'],
  ['array-order-kept', '[3,1,2,"b","a",{"b":1,"a":2}]'],
  ['proto-key', '{"__proto__":{"x":1},"a":1}'],
  ['tojson-key', '{"toJSON":"not a function","valueOf":1}'],
  ['deep-80', `${'['.repeat(80)}1${']'.repeat(80)}`],
  ['deep-obj-80', `${'{"a":'.repeat(80)}1${'}'.repeat(80)}`],
  ['long-key', `{"${'k'.repeat(5000)}":1}`],
];

const INVALID = [
  ['invalid-empty', ''], ['invalid-trailing-comma', '{"a":1,}'], ['invalid-single-quotes', "{'a':1}"],
  ['invalid-nan', '{"a":NaN}'], ['invalid-infinity', '[Infinity]'], ['invalid-leading-zero', '[01]'],
  ['invalid-plus', '[+1]'], ['invalid-leading-dot', '[.5]'], ['invalid-trailing-dot', '[1.]'],
  ['invalid-raw-control-char', '["a\u0001b"]'], ['invalid-raw-newline', '["a\nb"]'], ['invalid-comment', '{"a":1}//x'],
  ['invalid-trailing-garbage', '{} x'], ['invalid-two-values', '{}{}'], ['invalid-bad-escape', '["\\x41"]'],
  ['invalid-short-unicode-escape', '["\\u12"]'], ['invalid-nbsp-whitespace', '\u00a0{}'], ['invalid-bom', '\uFEFF{}'],
  ['invalid-unquoted-key', '{a:1}'], ['invalid-unclosed', '{"a":[1,2}'], ['invalid-hex-number', '[0x10]'],
];

function randomDoc(rand, depth) {
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const r = rand();
  if (depth > 4 || r < 0.35) {
    const s = rand();
    if (s < 0.4) return JSON.parse(pick(NUMBERS));
    if (s < 0.8) return JSON.parse(pick(STRINGS));
    return pick([true, false, null]);
  }
  if (r < 0.6) return Array.from({ length: Math.floor(rand() * 5) }, () => randomDoc(rand, depth + 1));
  const o = {};
  const n = Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) o[JSON.parse(pick(STRINGS))] = randomDoc(rand, depth + 1);
  return o;
}

function canonicalCases() {
  const out = [];
  const add = (name, input) => {
    let canonical = null;
    let error = false;
    try {
      canonical = stableStringify(JSON.parse(input));
    } catch {
      error = true;
    }
    const inputBytes = Buffer.from(input, 'utf8');
    if (inputBytes.toString('utf8') !== input) throw new Error(`${name}: input is not valid UTF-16 text`);
    // JSON.parse refuses a leading BOM, but body-parser (iconv-lite) strips it before parsing,
    // so a receiver's canonicaliser may accept it: then it must give the BOM-less result.
    let quirk;
    if (error && input.charCodeAt(0) === 0xfeff) {
      const accepted = stableStringify(JSON.parse(input.slice(1)));
      quirk = {
        note: 'JSON.parse refuses a BOM; express.json() strips it first, so accepting it (as the BOM-less text) matches the SDK end to end',
        acceptedCanonical: accepted,
        acceptedCanonicalBase64: Buffer.from(accepted, 'utf8').toString('base64'),
      };
    }
    out.push({
      kind: 'canonical',
      name: `canon-${name}`,
      category: 'canonical',
      input,
      inputBase64: inputBytes.toString('base64'),
      canonical,
      canonicalBase64: canonical === null ? null : Buffer.from(canonical, 'utf8').toString('base64'),
      error,
      ...(quirk ? { quirk } : {}),
    });
  };
  NUMBERS.forEach((x) => add(`number-${x}`, `{"n":${x},"a":[${x}]}`));
  STRINGS.forEach((x, i) => add(`string-${i}`, `{"s":${x},${x}:${x}}`));
  DOCS.forEach(([name, x]) => add(name, x));
  INVALID.forEach(([name, x]) => add(name, x));
  const rand = mulberry32(4242);
  for (let i = 0; i < 40; i++) {
    const doc = randomDoc(rand, 0);
    add(`random-${i}`, serialize(doc, { order: 'shuffle', indent: i % 3 ? '' : ' ', nonAscii: i % 4 === 0, numbers: i % 2 ? 'odd' : 'plain', seed: i }));
  }
  return out;
}

module.exports = { canonicalCases };
