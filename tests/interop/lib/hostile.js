'use strict';

// Raw webhook bodies (the bytes the receiver sees) that stress canonicalisation. The sender
// signs JSON.parse(raw); the receiver must canonicalise raw to the same string. Written as
// raw JSON text on purpose: escapes, number spellings and duplicate keys are the point.

let n = 0;
const env = (inner, type = 'customer.subscription.updated') => {
  n += 1;
  return `{"id":"evt_hostile_${String(n).padStart(3, '0')}","type":"${type}","object_type":"Subscription","data":{"object":${inner}},"livemode":true}`;
};

function nest(depth, kind) {
  let s = '"bottom"';
  for (let i = 0; i < depth; i++) s = kind === 'array' ? `[${s}]` : `{"d${i % 10}":${s}}`;
  return s;
}

function hostileBodies() {
  n = 0;
  const list = [];
  const add = (name, description, raw, extra = {}) => list.push({ name, description, raw, ...extra });

  // keys
  add('emoji-keys', 'emoji keys (surrogate pairs) mixed with ASCII', env('{"😀":"smile","id":"sub_1","😀😀":"two","🎉x":1,"z":0}'), {
    tampered: { from: '"🎉x"', to: '"🎉y"', why: 'key 🎉x renamed 🎉y' },
  });
  add('cjk-keys', 'CJK, Hangul and kana keys and values', env('{"中文":"值","日本語":"テスト","한국어":"값","id":"sub_2","metadata":{"备注":"续费成功"}}'));
  add('utf16-vs-utf8-order', 'keys U+FF61 and U+1F600: UTF-16 order puts the emoji first, code-point/UTF-8 order the other way', env('{"｡":"halfwidth ideographic full stop","😀":"grinning","\uE000":"private use","\uFFFF":"noncharacter","~":"tilde"}'), {
    tampered: { from: '"｡"', to: '"｢"', why: 'key U+FF61 became U+FF62' },
  });
  add('utf16-vs-utf8-order-escaped', 'same keys written as \\u escapes', env('{"\\uff61":1,"\\ud83d\\ude00":2,"\\ue000":3,"\\uffff":4,"\\u007e":5}'));
  add('case-and-digits-keys', 'keys that sort differently by case and as numbers', env('{"b":1,"B":2,"a":3,"A":4,"10":5,"9":6,"1":7,"01":8,"_":9,"":10}'));
  add('empty-and-space-keys', 'empty key, space key, key with quote and backslash', env('{"":"empty"," ":"space","\\"":"quote","\\\\":"backslash","a b":"ab"}'));
  add('prototype-keys', '__proto__, constructor, toString as keys', env('{"__proto__":{"polluted":true},"constructor":"c","toString":"t","hasOwnProperty":1}'));
  add('control-char-keys', 'control characters in keys', env('{"\\u0000":"nul","\\u001f":"us","\\t":"tab","\\n":"lf","a\\u0007b":"bell"}'));

  // strings
  add('control-chars', 'every escape class in values: \\b \\f \\n \\r \\t, \\u0000-\\u001f, DEL, C1', env('{"s":"\\u0000\\u0001\\u0002\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u001a\\u001b\\u001f\\u007f\\u0080\\u009f"}'), {
    tampered: { from: '\\u009f', to: '\\u009e', why: 'last control char U+009F became U+009E' },
  });
  add('raw-del-and-c1', 'DEL and C1 controls written raw (legal in JSON text)', env('{"s":"a\u007fb\u0085c\u009fd"}'));
  add('lone-high-surrogate', 'lone high surrogate \\ud800 (JSON.stringify writes it back escaped)', env('{"s":"x\\ud800y","t":"\\udbff"}'), {
    tampered: { from: '\\ud800', to: '\\ud801', why: '\\ud800 became \\ud801' },
  });
  add('lone-low-surrogate', 'lone low surrogate \\udc00 and a reversed pair', env('{"s":"\\udc00","r":"\\ude00\\ud83d","end":"\\ud83d"}'));
  add('lone-surrogate-key', 'lone surrogate as a key', env('{"\\ud800":"high","\\udfff":"low","a":"\\ud83d\\ude00"}'));
  add('escaped-pair', 'escaped surrogate pair (canonical writes the emoji literally)', env('{"s":"\\ud83d\\ude00 \\uD83C\\uDF89"}'));
  add('line-separators', 'U+2028 and U+2029 raw and escaped (JSON.stringify keeps them literal)', env('{"raw":"a\u2028b\u2029c","esc":"a\\u2028b\\u2029c"}'), {
    tampered: { from: 'b\u2029c', to: 'b\u2028c', why: 'raw U+2029 became U+2028' },
  });
  add('html-chars', "characters System.Text.Json escapes by default: < > & ' + `", env('{"html":"<script>alert(\'x\')</script> & \\"q\\" + `t`","url":"https://shop.example/a?b=1&c=2"}'));
  add('escaped-ascii-and-slash', 'needless escapes: \\/ \\u0041 \\u0061', env('{"p":"\\/api\\/x","a":"\\u0041\\u0062c","k\\u0065y":"v"}'));
  add('non-characters-and-max', 'U+FFFE, U+FFFF, U+10FFFF, BOM inside a string', env('{"s":"\uFFFE\uFFFF\u{10FFFF}\uFEFF"}'));
  add('nfc-vs-nfd', 'é as U+00E9 and as e + U+0301 (not normalised)', env('{"nfc":"caf\u00e9","nfd":"cafe\u0301"}'), {
    tampered: { from: 'caf\u00e9', to: 'cafe\u0301', why: 'NFC é replaced by NFD é' },
  });
  add('long-string', '64 KiB string of mixed scripts', env(`{"s":"${'Ab中😀\\n'.repeat(8000)}"}`));

  // numbers
  add('numbers-js', 'numbers the JS way: 1.0 1E2 -0 1e21 0.1 1e-7 123e-20 5e-324 1.7976931348623157e308', env('{"a":1.0,"b":1E2,"c":-0,"d":1e21,"e":0.1,"f":1e-7,"g":123e-20,"h":5e-324,"i":1.7976931348623157e308,"j":-0.0,"k":0e10}'), {
    tampered: { from: '"e":0.1,', to: '"e":0.10000000000000002,', why: '0.1 became 0.10000000000000002' },
  });
  add('numbers-thresholds', 'exponent thresholds: 1e20, 1e21, 123456789012345680000, 0.000001, 0.0000001', env('{"a":1e20,"b":100000000000000000000,"c":1e21,"d":123456789012345680000,"e":0.000001,"f":0.0000001,"g":1.5e-7,"h":999999999999999999999}'));
  add('numbers-big-integers', 'integers beyond 2^53 (rounded to doubles)', env('{"a":9007199254740993,"b":12345678901234567890,"c":-9007199254740993,"d":18446744073709551615,"e":9007199254740992}'), {
    tampered: { from: '"a":9007199254740993', to: '"a":9007199254740995', why: '9007199254740993 became 9007199254740995 (a different double)' },
  });
  add('numbers-big-integers-same-double', 'received as other digit strings that round to the same doubles: NOT a tamper', env('{"a":9007199254740993,"b":0.1}'), { receivedFrom: '9007199254740993,"b":0.1', receivedTo: '9007199254740992,"b":0.1000000000000000055511151231257827' });
  add('numbers-overflow', '1e400 parses to Infinity and is signed as null; -1e400 too; 1e-400 is 0', env('{"big":1e400,"neg":-1e400,"tiny":1e-400,"negtiny":-1e-400}'));
  add('numbers-precision', 'shortest round-trip digits: 0.1+0.2 style values, 1/3, 2/3', env('{"a":0.30000000000000004,"b":0.3333333333333333,"c":0.6666666666666666,"d":1.7976931348623157e+308,"e":2.2250738585072014e-308,"f":4.9406564584124654e-324,"g":123456.789e3}'));
  add('numbers-in-arrays', 'number array of all magnitudes', env(`[${[0, -1, 1.5, -2.25e-9, 3e100, 7e-300, 1e15, 1e16, 1e17, 12.34e5, 0.5e-6, 1234567.0].map(String).join(',')},1E+2,1e+0,-0E-0]`));

  // structure
  add('deep-object-32', 'objects nested 32 deep', env(nest(32, 'object')));
  add('deep-object-63', 'objects nested 63 deep (with the envelope: 66 levels)', env(nest(63, 'object')));
  add('deep-array-100', 'arrays nested 100 deep', env(nest(100, 'array')));
  add('deep-object-300', 'objects nested 300 deep', env(nest(300, 'object')));
  add('wide-object', '2000 keys in random order', env(`{${Array.from({ length: 2000 }, (_, i) => `"k${(i * 7919) % 2000}":${i}`).join(',')}}`));
  add('empty-containers', 'empty objects and arrays, nested', env('{"a":{},"b":[],"c":[{}],"d":{"e":[]},"f":[[],[[]]]}'));
  add('literals', 'true false null in arrays and objects', env('{"t":true,"f":false,"n":null,"arr":[null,true,false,null]}'));

  // duplicate keys, whitespace
  add('duplicate-keys-top', 'top-level "type" twice: the last wins', '{"id":"evt_dup_1","type":"invoice.paid","data":{"object":{"id":"in_1"}},"type":"refund.succeeded"}', {
    tampered: { from: '"type":"refund.succeeded"}', to: '"type":"invoice.paid"}', why: 'the last "type" (the one that wins) changed' },
  });
  add('duplicate-keys-nested', 'nested duplicate with different value types (object, then string)', env('{"a":{"x":1},"b":1,"a":"second","b":{"y":[1,2]},"b":2}'));
  add('duplicate-keys-many', 'same key 50 times', env(`{${Array.from({ length: 50 }, (_, i) => `"k":${i}`).join(',')}}`));
  add('whitespace-everywhere', 'space, tab, CR, LF between every token', ' \t\r\n{ \t"id" \r\n:\t"evt_ws_1" ,\n\n"type":\r\n"invoice.paid"\t,"data" : { "object" : [ 1 , 2 , { "a" : null } ] } \n} \r\n\t ');
  add('keys-reverse-order', 'every object written with keys in reverse order', '{"type":"invoice.paid","livemode":true,"id":"evt_rev_1","data":{"object":{"status":"paid","id":"in_9","amount_paid":"1000000000000000000"}}}');

  // bodies the SDK accepts that a Payment Kit receiver should not (docs/protocol.md §3)
  add('empty-body', 'empty body, signed as {} (the SDK answers 2xx)', '', {
    category: 'sdk-quirk', signUndefined: true,
    quirk: { note: 'docs/protocol.md §3: the SDK accepts an empty body signed as {}; a Payment Kit event is never empty', receiverMayReturn: ['Valid', 'BodyNotJson', 'MalformedHeaders'] },
  });
  add('array-body', 'a JSON array body (express.json strict allows arrays)', '[{"id":"evt_arr_1","type":"invoice.paid"}]', {
    category: 'sdk-quirk',
    quirk: { note: 'docs/protocol.md §3: the SDK accepts a signed JSON array; a Payment Kit event is an object', receiverMayReturn: ['Valid', 'BodyNotJson'] },
  });
  add('utf8-bom', 'UTF-8 BOM before the JSON (body-parser/iconv-lite strips it)', `\uFEFF${env('{"id":"sub_bom"}')}`, {
    category: 'sdk-quirk',
    quirk: { note: 'body-parser strips a UTF-8 BOM before JSON.parse', receiverMayReturn: ['Valid', 'BodyNotJson'] },
  });
  add('invalid-utf8', 'invalid UTF-8 byte 0xFF inside a string (body-parser replaces it with U+FFFD)', Buffer.concat([Buffer.from('{"id":"evt_bad_utf8","type":"invoice.paid","s":"a'), Buffer.from([0xff, 0xc3]), Buffer.from('b"}')]), {
    category: 'sdk-quirk',
    quirk: { note: 'body-parser decodes invalid UTF-8 to U+FFFD and the sender signed that', receiverMayReturn: ['Valid', 'BodyNotJson'] },
  });
  add('encoded-surrogate-bytes', 'a surrogate encoded in UTF-8 bytes (ED A0 80, CESU style): decoded as U+FFFD', Buffer.concat([Buffer.from('{"id":"evt_cesu","type":"invoice.paid","s":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]), {
    category: 'sdk-quirk',
    quirk: { note: 'body-parser decodes the bytes to U+FFFD', receiverMayReturn: ['Valid', 'BodyNotJson'] },
  });

  for (const h of list) {
    if (h.tampered) {
      if (!h.raw.includes(h.tampered.from)) throw new Error(`tamper of ${h.name} does not apply`);
      h.tampered.raw = h.raw.replace(h.tampered.from, h.tampered.to);
    }
    if (h.receivedFrom) {
      if (!h.raw.includes(h.receivedFrom)) throw new Error(`received variant of ${h.name} does not apply`);
      h.receivedRaw = h.raw.replace(h.receivedFrom, h.receivedTo);
    }
  }
  return list;
}

module.exports = { hostileBodies };
