'use strict';

// Writes vectors/*.json: requests signed by the REAL @blocklet/sdk@1.17.12 and the verdict
// the REAL SDK gives them (express.json() semantics + lib/middlewares/component.js verifySig
// for V1; lib/util/verify-sign.js verify() over the body for V0), plus canonicalisation cases
// (json-stable-stringify(JSON.parse(input))). Deterministic: fixed keys, fixed clock.
//
//   npm ci --ignore-scripts && node make-vectors.js

const fs = require('node:fs');
const path = require('node:path');
const sdk = require('./lib/sdk');
const { DOCUMENTED_TYPES, EXTRA_TYPES, makeEvent, T0 } = require('./lib/events');
const { serialize, RESERIALIZATIONS } = require('./lib/variants');
const { hostileBodies } = require('./lib/hostile');
const { canonicalCases } = require('./lib/canonical-cases');
const { genuineShapes, depthOf } = require('./lib/genuine-shapes');

const OUT = path.join(__dirname, 'vectors');
const HOST = 'https://shop.example';
const CALLBACK = '/api/payment/callback';

const APP = sdk.makeKey('app');
const OTHER = sdk.makeKey('other-app');
const ROTATED = sdk.makeKey('rotated-app');
const ETH = sdk.makeKey('eth-app', 'ethereum');
const ETH_OTHER = sdk.makeKey('eth-other-app', 'ethereum');

// Receiver policy that reproduces the SDK: no leeway on exp, no cap on exp - iat.
const SDK_LIKE = { allowV0: false, clockSkewSeconds: 0, maxValiditySeconds: 10 * 365 * 86400 };

let clock = T0;
const nextIat = () => {
  clock += 13;
  return clock;
};

const b64 = (x) => Buffer.from(x).toString('base64');

// The wallet type the receiver's keys are of (every key of one vector has the same type).
function receiverWalletType(keys) {
  const types = new Set(keys.map((k) => k.walletType));
  if (types.size !== 1) throw new Error('mixed wallet types in one key ring');
  return keys[0].walletType;
}

/** The record every request vector is written as (README "Vector format"); field order is the file's. */
function requestVector({
  name, category, description, key, receiverKeys, version, method, path, alternatePaths, query, headers,
  bodyBytes, signer, nowMs, receiver, canonical, verdict, check, quirk,
}) {
  return {
    kind: 'request',
    name,
    category,
    description,
    walletType: key.walletType,
    receiverWalletType: receiverWalletType(receiverKeys),
    version,
    method,
    path,
    alternatePaths,
    query,
    headers,
    bodyBase64: b64(bodyBytes),
    publicKeys: receiverKeys.map((k) => k.pk),
    signer,
    nowUnixMs: nowMs,
    nowUnixSeconds: Math.floor(nowMs / 1000),
    receiver,
    canonical,
    expected: {
      valid: verdict.valid,
      sdkStatus: verdict.status,
      reason: verdict.reason,
      check,
      ...(quirk ? { quirk } : {}),
    },
  };
}

/**
 * One V1 request vector. Signs with the SDK, then lets `receive` change what the receiver
 * sees (path, query, headers, body, time) and asks the SDK middleware for the verdict.
 */
async function v1({
  name, category, description, key = APP, receiverKeys = [APP], data, method = 'POST',
  url = HOST + CALLBACK, params, iat = nextIat(), receive = {}, quirk,
}) {
  const s = await sdk.signV1({ key, data, method, url, params, iatSeconds: iat });
  const headers = { ...s.headers };
  if (receive.headers) receive.headers(headers, s);
  for (const k of Object.keys(headers)) if (headers[k] === undefined) delete headers[k];
  const rMethod = receive.method ?? method;
  const rPath = receive.path ?? s.path;
  const rQuery = receive.query !== undefined ? receive.query : s.query;
  let bodyBytes;
  if (receive.body !== undefined) bodyBytes = Buffer.from(receive.body);
  else bodyBytes = data === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(data));
  const nowMs = receive.nowMs ?? (receive.nowOffsetMs !== undefined ? s.iat * 1000 + receive.nowOffsetMs : s.iat * 1000);

  // The middleware retries with x-path-prefix only when the received path does not already
  // start with it; alternatePaths mirrors exactly the retry the SDK made.
  const prefix = headers['x-path-prefix'];
  const parsedPath = sdk.ufo.parseURL(rQuery === null ? rPath : `${rPath}?${rQuery}`).pathname;
  const alternatePaths = prefix && !parsedPath.startsWith(prefix) ? [sdk.ufo.joinURL(prefix, parsedPath)] : [];

  const verdict = await sdk.middlewareVerdictAny(
    { method: rMethod, path: rPath, query: rQuery, headers, bodyBytes, nowMs },
    receiverKeys,
  );
  return requestVector({
    name, category, description, key, receiverKeys, version: '1', method: rMethod, path: rPath, alternatePaths,
    query: rQuery, headers, bodyBytes,
    signer: { publicKey: key.pk, secretKey: key.sk, method, path: s.raw.url, query: s.query, iat: s.iat, exp: s.exp },
    nowMs, receiver: { ...SDK_LIKE, ...(receive.receiver || {}) }, canonical: s.canonical,
    verdict, check: 'express.json + verifySig', quirk,
  });
}

/** A V1 vector whose iat/exp are hand-picked: signed with the SDK's own sign() over the same raw shape. */
async function v1Raw({ name, category, description, key = APP, data, iat, exp, nowMs, quirk, headers: hdrFn }) {
  const raw = {
    iat, exp, body: JSON.parse(JSON.stringify(data ?? {})), query: {}, method: 'post', url: CALLBACK,
  };
  const s = await sdk.signV1Raw({ key, raw });
  const headers = {
    'x-component-did': key.address,
    'x-component-sig': s.sig,
    'x-component-sig-iat': String(iat),
    'x-component-sig-exp': String(exp),
    'x-component-sig-version': '1',
  };
  if (hdrFn) hdrFn(headers);
  const bodyBytes = Buffer.from(JSON.stringify(data));
  const verdict = await sdk.middlewareVerdict({
    method: 'POST', path: CALLBACK, query: null, headers, bodyBytes, receiverKey: APP, nowMs,
  });
  return requestVector({
    name, category, description, key, receiverKeys: [APP], version: '1', method: 'POST', path: CALLBACK,
    alternatePaths: [], query: null, headers, bodyBytes,
    signer: { publicKey: key.pk, secretKey: key.sk, method: 'POST', path: CALLBACK, query: null, iat, exp },
    nowMs, receiver: { ...SDK_LIKE }, canonical: s.canonical,
    verdict, check: 'express.json + verifySig', quirk,
  });
}

/** A V0 vector: the SDK's sign() over the body; verdict from the SDK's verify() (old receivers). */
async function v0({
  name, category = 'v0', description, key = APP, receiverKeys = [APP], data, body, sigFn, allowV0 = true,
}) {
  const s = await sdk.signV0({ key, data });
  const headers = { 'x-component-sig': sigFn ? sigFn(s.sig) : s.sig };
  const bodyBytes = Buffer.from(body ?? JSON.stringify(data));
  const iat = nextIat();
  let verdict;
  let check;
  if (allowV0) {
    verdict = await sdk.v0Verdict({ bodyBytes, sig: headers['x-component-sig'], receiverKeys });
    check = 'express.json + verify(body) (the V0 check of older SDKs)';
  } else {
    verdict = await sdk.middlewareVerdictAny({
      method: 'POST', path: CALLBACK, query: null, headers, bodyBytes, nowMs: iat * 1000,
    }, receiverKeys);
    check = 'express.json + verifySig (1.17.12 refuses V0)';
  }
  return requestVector({
    name, category, description, key, receiverKeys, version: '0', method: 'POST', path: CALLBACK,
    alternatePaths: [], query: null, headers, bodyBytes, signer: { publicKey: key.pk, secretKey: key.sk },
    nowMs: iat * 1000, receiver: { ...SDK_LIKE, allowV0 }, canonical: s.canonical, verdict, check,
  });
}

const slug = (t) => t.replace(/[^a-z0-9]+/gi, '-');

// ---------------------------------------------------------------- events (documented types)
async function eventVectors() {
  const out = { events: [], tampered: [], wrongKey: [], expired: [], wrongPath: [], wrongQuery: [], reserialized: [], missing: [] };
  let seed = 100;
  for (const [type, objectType] of [...DOCUMENTED_TYPES, ...EXTRA_TYPES]) {
    const ev = makeEvent(type, objectType, seed++);
    const documented = DOCUMENTED_TYPES.some(([t]) => t === type);
    out.events.push(await v1({
      name: `valid-${slug(type)}`, category: 'valid', description: `${type} as Payment Kit sends it`, data: ev,
    }));
    if (!documented) continue;

    out.events.push(await v1({
      name: `valid-livemode-param-${slug(type)}`,
      category: 'valid',
      description: `${type}, sender passed params { livemode: true } (signed as "true")`,
      data: ev,
      params: { livemode: true },
    }));

    const r = RESERIALIZATIONS[seed % RESERIALIZATIONS.length];
    const text = serialize(ev, r.opts);
    if (sdk.stableStringify(JSON.parse(text)) !== sdk.stableStringify(ev)) throw new Error(`variant ${r.label} changed the value`);
    out.reserialized.push(await v1({
      name: `reserialized-${r.label}-${slug(type)}`,
      category: 'reserialized',
      description: `${type}; raw body re-serialized (${r.label}); same parsed value`,
      data: ev,
      receive: { body: text },
    }));

    const tampered = tamper(ev, seed);
    out.tampered.push(await v1({
      name: `tampered-${tampered.label}-${slug(type)}`,
      category: 'tampered',
      description: `${type}; after signing: ${tampered.label}`,
      data: ev,
      receive: { body: JSON.stringify(tampered.value) },
    }));

    out.wrongKey.push(await v1({
      name: `wrong-key-${slug(type)}`, category: 'wrong-key', description: `${type} signed by another app's key`, key: OTHER, data: ev,
    }));

    out.expired.push(await v1({
      name: `expired-${slug(type)}`,
      category: 'expired',
      description: `${type} received ${1 + (seed % 5) * 100} s after exp`,
      data: ev,
      receive: { nowOffsetMs: (300 + 1 + (seed % 5) * 100) * 1000 },
    }));

    const wrongPaths = ['/api/payment/callback/', '/API/payment/callback', '/api/payment/webhook', '/api/payment', '/api/payment/callback2'];
    const wp = wrongPaths[seed % wrongPaths.length];
    out.wrongPath.push(await v1({
      name: `wrong-path-${slug(type)}`, category: 'wrong-path', description: `${type} signed for ${CALLBACK}, received at ${wp}`, data: ev, receive: { path: wp },
    }));

    const queryVariants = [
      ['livemode=false', { livemode: true }, 'signed livemode=true, received livemode=false'],
      ['livemode=true&x=1', { livemode: true }, 'extra parameter added'],
      [null, { livemode: true }, 'query removed'],
      ['livemode=true', undefined, 'query added'],
      ['livemode=True', { livemode: true }, 'value case changed'],
    ];
    const [q, params, why] = queryVariants[seed % queryVariants.length];
    out.wrongQuery.push(await v1({
      name: `wrong-query-${slug(type)}`, category: 'wrong-query', description: `${type}: ${why}`, data: ev, params, receive: { query: q },
    }));

    const missing = [
      ['x-component-sig', 'signature header missing (iat/exp present)'],
      ['x-component-sig-iat', 'iat header missing'],
      ['x-component-sig-exp', 'exp header missing'],
      ['*', 'no signature headers at all'],
    ];
    const [h, mwhy] = missing[seed % missing.length];
    out.missing.push(await v1({
      name: `missing-headers-${h === '*' ? 'all' : h.replace('x-component-', '')}-${slug(type)}`,
      category: 'missing-headers',
      description: `${type}: ${mwhy}`,
      data: ev,
      receive: {
        headers: (hd) => {
          if (h === '*') for (const k of Object.keys(hd)) delete hd[k];
          else delete hd[h];
        },
      },
    }));
  }
  return out;
}

function tamper(ev, seed) {
  const v = JSON.parse(JSON.stringify(ev));
  const o = v.data.object;
  const amountKey = ['amount', 'amount_total', 'total', 'amount_paid'].find((k) => typeof o[k] === 'string');
  const options = [
    ['amount-digit-changed', () => {
      if (amountKey) o[amountKey] = o[amountKey].replace(/.$/, (d) => String((Number(d) + 1) % 10));
      else o.current_period_end += 1;
    }],
    ['status-changed', () => { o.status = o.status === 'canceled' ? 'active' : 'canceled'; }],
    ['type-changed', () => { v.type = 'refund.succeeded' === v.type ? 'invoice.paid' : 'refund.succeeded'; }],
    ['field-added', () => { o.metadata = { ...(o.metadata || {}), injected: true }; }],
    ['field-removed', () => { delete v.request; }],
    ['livemode-flipped', () => { v.livemode = false; }],
    ['number-incremented', () => { v.pending_webhooks += 1; }],
    ['id-char-changed', () => { v.id = v.id.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')); }],
    ['key-renamed', () => { v.data.obj = v.data.object; delete v.data.object; }],
  ];
  const [label, fn] = options[seed % options.length];
  fn();
  return { label, value: v };
}

// ---------------------------------------------------------------- hostile bodies
async function hostileVectors() {
  const out = [];
  for (const h of hostileBodies()) {
    const rawText = Buffer.isBuffer(h.raw) ? h.raw : Buffer.from(h.raw, 'utf8');
    const parsed = sdk.expressJsonBody(rawText);
    if (!parsed.ok) throw new Error(`hostile body ${h.name} does not parse`);
    // The sender signs the parsed object; the receiver sees these raw bytes.
    out.push(await v1({
      name: `hostile-${h.name}`,
      category: h.category || 'hostile',
      description: h.description,
      data: h.signUndefined ? undefined : parsed.body,
      receive: { body: h.receivedRaw !== undefined ? Buffer.from(h.receivedRaw, 'utf8') : rawText },
      quirk: h.quirk,
    }));
    if (h.tampered) {
      out.push(await v1({
        name: `hostile-${h.name}-tampered`,
        category: 'hostile-tampered',
        description: `${h.description}; the receiver sees a changed value: ${h.tampered.why}`,
        data: parsed.body,
        receive: { body: Buffer.from(h.tampered.raw, 'utf8') },
      }));
    }
  }
  return out;
}

// ---------------------------------------------------------------- genuine shapes
// Generated last, so the iat counter of every earlier vector stays as it was.
async function genuineShapeVectors() {
  const out = [];
  for (const g of genuineShapes()) {
    const body = Buffer.from(JSON.stringify(g.event));
    const v = await v1({ name: `genuine-${g.name}`, category: 'genuine-shape', description: g.description, data: g.event, receive: { body } });
    if (!v.expected.valid) throw new Error(`the SDK refused genuine-${g.name}`);
    v.depth = depthOf(g.event);
    out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------- signatures
async function signatureVectors() {
  const ev = makeEvent('invoice.paid', 'Invoice', 900);
  const out = [];
  const g = (name, description, fn, quirk) => v1({
    name: `sig-${name}`, category: 'garbage-signature', description, data: ev, receive: { headers: (h) => { h['x-component-sig'] = fn(h['x-component-sig']); } }, quirk,
  });
  const hex = (s) => s.slice(2);
  out.push(await g('random-64-bytes', '128 random hex digits', () => `0x${'5f3c'.repeat(32)}`));
  out.push(await g('no-0x-prefix', 'hex without 0x: the SDK reads it as UTF-8 text, not hex', (s) => hex(s)));
  out.push(await g('upper-case-hex', 'hex digits in upper case (0x kept)', (s) => `0x${hex(s).toUpperCase()}`));
  out.push(await g('upper-case-0X-prefix', '0X prefix: isHexStrict is case-insensitive', (s) => `0X${hex(s)}`,
    { note: 'SDK accepts a 0X prefix', receiverMayReturn: ['Valid', 'MalformedHeaders'] }));
  out.push(await g('truncated', 'last byte removed', (s) => s.slice(0, -2)));
  out.push(await g('extra-byte', 'one byte appended', (s) => `${s}00`));
  out.push(await g('bit-flipped', 'one bit of R flipped', (s) => `0x${(parseInt(s[2], 16) ^ 1).toString(16)}${s.slice(3)}`));
  out.push(await g('s-bit-flipped', 'one bit of S flipped', (s) => `${s.slice(0, 100)}${(parseInt(s[100], 16) ^ 4).toString(16)}${s.slice(101)}`));
  out.push(await g('zeros', 'all zero signature', () => `0x${'0'.repeat(128)}`));
  out.push(await g('only-prefix', '"0x" alone', () => '0x'));
  out.push(await g('non-hex', 'non-hex characters after 0x', (s) => `0x${'zz'}${s.slice(4)}`));
  out.push(await g('negative-hex', '-0x prefix', (s) => `-${s}`));
  out.push(await g('duplicated', 'header repeated and joined with ", " (two headers)', (s) => `${s}, ${s}`));
  out.push(await g('s-plus-l', 'S replaced by S + L (same point, non-canonical scalar): malleability', (s) => {
    const L = (1n << 252n) + 27742317777372353535851937790883648493n;
    const sBytes = Buffer.from(s.slice(66), 'hex');
    const S = BigInt(`0x${Buffer.from(sBytes).reverse().toString('hex')}`) + L;
    const le = Buffer.from(S.toString(16).padStart(64, '0'), 'hex').reverse().toString('hex');
    return `${s.slice(0, 66)}${le}`;
  }));
  out.push(await g('base58btc', "multibase base58btc ('z' + base58) of the right bytes: @ocap/util decodes it", (s) => require('@ocap/util').toBase58(Buffer.from(hex(s), 'hex')),
    { note: "SDK's toUint8Array accepts 'z'-prefixed base58btc signatures", receiverMayReturn: ['Valid', 'MalformedHeaders', 'NoTrustedKeyMatched'] }));
  {
    const other = await sdk.signV1({ key: APP, data: { ...ev, id: 'evt_other' }, url: HOST + CALLBACK, iatSeconds: clock });
    out.push(await v1({
      name: 'sig-other-message',
      category: 'garbage-signature',
      description: 'a valid signature by the right key over another event, same iat/exp',
      data: ev,
      iat: clock,
      receive: { headers: (h) => { h['x-component-sig'] = other.sig; } },
    }));
  }
  // A signature whose first hex digit is 0: without that digit the SDK pads the odd-length
  // hex with a leading 0 (hexToBytes), so it still decodes to the same 64 bytes.
  for (let i = 0; i < 400; i++) {
    const iat = nextIat();
    const s = await sdk.signV1({ key: APP, data: ev, url: HOST + CALLBACK, iatSeconds: iat });
    if (s.sig[2] === '0') {
      out.push(await v1({
        name: 'sig-leading-zero-nibble-dropped',
        category: 'garbage-signature',
        description: 'signature starting 0x0… sent without that 0 (127 hex digits): the SDK left-pads odd hex',
        data: ev,
        iat,
        receive: { headers: (h) => { h['x-component-sig'] = `0x${h['x-component-sig'].slice(3)}`; } },
        quirk: { note: 'SDK left-pads odd-length hex with a 0 nibble', receiverMayReturn: ['Valid', 'MalformedHeaders', 'NoTrustedKeyMatched'] },
      }));
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------- headers
async function headerVectors() {
  const ev = makeEvent('customer.subscription.renewed', 'Subscription', 901);
  const out = [];
  const h = (name, description, fn, quirk) => v1({
    name: `headers-${name}`, category: 'headers', description, data: ev, receive: { headers: fn }, quirk,
  });
  out.push(await h('version-missing', 'x-component-sig-version absent: 1.17.12 never reads it', (x) => { delete x['x-component-sig-version']; },
    { note: 'verifySig ignores x-component-sig-version', receiverMayReturn: ['Valid', 'MalformedHeaders'] }));
  out.push(await h('version-0-with-iat', 'version "0" but iat/exp present: the SDK still checks V1', (x) => { x['x-component-sig-version'] = '0'; },
    { note: 'verifySig ignores x-component-sig-version', receiverMayReturn: ['Valid', 'MalformedHeaders', 'NoTrustedKeyMatched', 'V0NotAllowed'] }));
  out.push(await h('version-2', 'unknown version "2"', (x) => { x['x-component-sig-version'] = '2'; },
    { note: 'verifySig ignores x-component-sig-version', receiverMayReturn: ['Valid', 'MalformedHeaders'] }));
  out.push(await h('did-missing', 'x-component-did absent: not checked', (x) => { delete x['x-component-did']; }));
  out.push(await h('did-other', 'x-component-did of another component: not checked', (x) => { x['x-component-did'] = OTHER.address; }));
  out.push(await h('sig-empty', 'x-component-sig present but empty', (x) => { x['x-component-sig'] = ''; }));
  out.push(await h('iat-empty', 'iat header empty: Number("") is 0, so the signed iat differs', (x) => { x['x-component-sig-iat'] = ''; }));
  out.push(await h('exp-empty', 'exp header empty: Number("") is 0, so it is expired', (x) => { x['x-component-sig-exp'] = ''; }));
  out.push(await h('iat-not-a-number', 'iat header "abc"', (x) => { x['x-component-sig-iat'] = 'abc'; }));
  out.push(await h('exp-not-a-number', 'exp header "soon"', (x) => { x['x-component-sig-exp'] = 'soon'; }));
  const num = (name, description, f) => h(name, description, (x) => {
    x['x-component-sig-iat'] = f(x['x-component-sig-iat']);
    x['x-component-sig-exp'] = f(x['x-component-sig-exp']);
  }, { note: 'the SDK reads iat/exp with Number(): any JS numeric text of the same value verifies', receiverMayReturn: ['Valid', 'MalformedHeaders'] });
  out.push(await num('numbers-decimal-point', 'iat/exp sent as "1764230400.0"', (v) => `${v}.0`));
  out.push(await num('numbers-exponent', 'iat/exp sent in exponent form', (v) => `${Number(v) / 100}e2`));
  out.push(await num('numbers-hex', 'iat/exp sent as 0x-hex', (v) => `0x${Number(v).toString(16)}`));
  out.push(await num('numbers-plus-sign', 'iat/exp sent with a + sign', (v) => `+${v}`));
  out.push(await num('numbers-leading-zeros', 'iat/exp sent with leading zeros', (v) => `000${v}`));
  out.push(await h('iat-off-by-one', 'iat header one more than signed', (x) => { x['x-component-sig-iat'] = String(Number(x['x-component-sig-iat']) + 1); }));
  out.push(await h('exp-extended', 'exp header pushed later than signed (replay extension attempt)', (x) => { x['x-component-sig-exp'] = String(Number(x['x-component-sig-exp']) + 3600); }));
  return out;
}

// ---------------------------------------------------------------- time
async function timeVectors() {
  const ev = makeEvent('payment_intent.succeeded', 'PaymentIntent', 902);
  const out = [];
  const t = (name, description, nowOffsetMs, quirk) => v1({ name: `time-${name}`, category: 'time', description, data: ev, receive: { nowOffsetMs }, quirk });
  out.push(await t('at-iat', 'received at iat', 0));
  out.push(await t('at-exp', 'received exactly at exp (exp < now is false)', 300_000));
  out.push(await t('exp-plus-999ms', 'received 999 ms after exp: the SDK floors now to seconds', 300_999));
  out.push(await t('exp-plus-1s', 'received 1 s after exp', 301_000));
  out.push(await t('exp-plus-30s', 'received 30 s after exp (the SDK has no leeway)', 330_000));
  out.push(await t('a-day-later', 'received a day later', 86_400_000));
  out.push(await t('sender-clock-ahead-200s', 'received 200 s before iat: the SDK never checks iat', -200_000));
  out.push(await t('sender-clock-ahead-1h', 'received an hour before iat', -3_600_000,
    { note: 'the SDK never checks iat; a receiver may refuse one further ahead than its clock allowance (Webhooks:MaxClockAhead)', receiverMayReturn: ['Valid', 'NotYetValid'] }));
  const data = makeEvent('invoice.paid', 'Invoice', 903);
  let iat = nextIat();
  out.push(await v1Raw({
    name: 'time-window-1h', category: 'time', description: 'exp = iat + 3600 (signed with sign() over the V1 shape), received at iat + 3000', data, iat, exp: iat + 3600, nowMs: (iat + 3000) * 1000,
  }));
  iat = nextIat();
  out.push(await v1Raw({
    name: 'time-window-1y', category: 'time', description: 'exp = iat + 1 year, received 200 days later: the SDK accepts any window', data, iat, exp: iat + 365 * 86400, nowMs: (iat + 200 * 86400) * 1000,
    quirk: { note: 'the SDK never limits exp - iat; a receiver may refuse long windows', receiverMayReturn: ['Valid', 'ValidityWindowTooLong'] },
  }));
  iat = nextIat();
  out.push(await v1Raw({
    name: 'time-exp-before-iat', category: 'time', description: 'exp = iat - 10, received before exp', data, iat, exp: iat - 10, nowMs: (iat - 100) * 1000,
    quirk: { note: 'the SDK does not compare exp with iat', receiverMayReturn: ['Valid', 'MalformedHeaders', 'ValidityWindowTooLong'] },
  }));
  iat = nextIat();
  out.push(await v1Raw({
    name: 'time-fractional-iat', category: 'time', description: 'iat/exp with a fraction, signed as such', data, iat: iat + 0.5, exp: iat + 300.5, nowMs: (iat + 1) * 1000,
    quirk: { note: 'Number() accepts fractions and they are signed as JS numbers', receiverMayReturn: ['Valid', 'MalformedHeaders'] },
  }));
  return out;
}

// ---------------------------------------------------------------- paths, methods, prefixes
async function pathVectors() {
  const ev = makeEvent('checkout.session.completed', 'CheckoutSession', 904);
  const out = [];
  const p = (name, description, opts) => v1({ name: `path-${name}`, category: 'path', description, data: ev, ...opts });
  out.push(await p('with-port-and-fragment', 'sender URL https://shop.example:8443/api/payment/callback#x: only the path is signed', { url: `https://shop.example:8443${CALLBACK}#frag` }));
  out.push(await p('percent-encoded-both', 'path with %62 in the sender URL and on the wire: signed raw, not decoded', { url: `${HOST}/api/payment/call%62ack` }));
  out.push(await p('percent-encoded-received', 'signed /api/payment/callback, received /api/payment/call%62ack', { receive: { path: '/api/payment/call%62ack' } }));
  out.push(await p('decoded-received', 'signed /api/payment/call%62ack, received decoded /api/payment/callback', { url: `${HOST}/api/payment/call%62ack`, receive: { path: CALLBACK } }));
  out.push(await p('non-ascii-sender-url', "sender URL has a raw non-ASCII segment (signed as is) but the wire carries it percent-encoded", {
    url: `${HOST}/api/payment/回调`, receive: { path: '/api/payment/%E5%9B%9E%E8%B0%83' },
  }));
  out.push(await p('dot-segment', 'received /api/payment/./callback', { receive: { path: '/api/payment/./callback' } }));
  out.push(await p('double-slash', 'received /api//payment/callback', { receive: { path: '/api//payment/callback' } }));
  out.push(await p('authority-form', 'received //evil.example/api/payment/callback: ufo parses "evil.example" as a host and keeps /api/payment/callback', {
    receive: { path: `//evil.example${CALLBACK}` },
    quirk: { note: "the SDK parses originalUrl with ufo, which treats a leading '//' as a host", receiverMayReturn: ['Valid', 'NoTrustedKeyMatched'] },
  }));
  out.push(await p('root', 'sender URL https://shop.example with no path: ufo gives pathname "" (signed url ""), the wire carries "/"', { url: HOST, receive: { path: '/' } }));
  out.push(await p('method-put', 'signed POST, received PUT', { receive: { method: 'PUT' } }));
  out.push(await p('method-get', 'signed POST, received GET', { receive: { method: 'GET' } }));
  out.push(await p('method-lower-case', 'received method "post" (signed lower-cased anyway)', { receive: { method: 'post' } }));
  out.push(await p('method-put-signed', 'signed PUT, received PUT', { method: 'PUT' }));

  // Prefix-stripping proxy: the SDK retries with x-path-prefix; a .NET receiver uses alternatePaths.
  const pp = (name, description, signedPath, receivedPath, prefix, extra = {}) => v1({
    name: `prefix-${name}`,
    category: 'path-prefix',
    description,
    data: ev,
    url: HOST + signedPath,
    ...extra,
    receive: {
      path: receivedPath,
      headers: (h) => { if (prefix !== undefined) h['x-path-prefix'] = prefix; },
      ...(extra.receive || {}),
    },
  });
  out.push(await pp('stripped', 'signed /pay/api/payment/callback, received /api/payment/callback, public path via prefix /pay', `/pay${CALLBACK}`, CALLBACK, '/pay'));
  out.push(await pp('stripped-trailing-slash', 'prefix given as /pay/', `/pay${CALLBACK}`, CALLBACK, '/pay/'));
  out.push(await pp('stripped-nested', 'prefix /apps/billing/pay', `/apps/billing/pay${CALLBACK}`, CALLBACK, '/apps/billing/pay'));
  out.push(await pp('stripped-with-query', 'prefix + livemode query', `/pay${CALLBACK}`, CALLBACK, '/pay', { params: { livemode: true } }));
  out.push(await pp('stripped-no-prefix-known', 'signed /pay/..., received /api/..., receiver knows no public path', `/pay${CALLBACK}`, CALLBACK, undefined));
  out.push(await pp('stripped-wrong-prefix', 'signed /pay/..., public path /shop/...', `/pay${CALLBACK}`, CALLBACK, '/shop'));
  out.push(await pp('not-stripped', 'signed and received /pay/api/payment/callback (prefix known, not needed)', `/pay${CALLBACK}`, `/pay${CALLBACK}`, '/pay'));
  out.push(await pp('unprefixed-sender', 'signed and received /api/payment/callback, prefix known', CALLBACK, CALLBACK, '/pay'));
  out.push(await pp('string-prefix-quirk', 'signed /pay/payment/callback, received /payment/callback: it already starts with the string "/pay", so the SDK does not retry', '/pay/payment/callback', '/payment/callback', '/pay'));
  out.push(await pp('stripped-tampered', 'prefix case but the body was changed', `/pay${CALLBACK}`, CALLBACK, '/pay', {
    receive: { body: JSON.stringify({ ...ev, pending_webhooks: 9 }) },
  }));
  return out;
}

// ---------------------------------------------------------------- query strings
async function queryVectors() {
  const ev = makeEvent('customer.subscription.updated', 'Subscription', 905);
  const out = [];
  // Raw query in the sender's URL: axios puts it on the wire unchanged; the SDK signs
  // qs.parse(qs.stringify(qs.parse(it))). The receiver's Express parses it with qs too.
  const q = (name, description, raw, extra = {}) => v1({
    name: `query-${name}`, category: extra.category || 'query', description, data: ev, url: `${HOST}${CALLBACK}?${raw}`, ...extra,
  });
  out.push(await q('livemode-true', 'livemode=true', 'livemode=true'));
  out.push(await q('livemode-false', 'livemode=false', 'livemode=false'));
  out.push(await q('list-params', 'page=1&size=100&livemode=true', 'page=1&size=100&livemode=true'));
  out.push(await q('repeated-keys', 'a=1&a=2 becomes an array', 'a=1&a=2'));
  out.push(await q('repeated-keys-3', 'a=3&a=1&a=2 keeps order', 'a=3&a=1&a=2'));
  out.push(await q('nested-brackets', 'a[b]=1 nests', 'a[b]=1'));
  out.push(await q('nested-deep', 'a[b][c]=2&a[b][d]=3', 'a[b][c]=2&a[b][d]=3'));
  out.push(await q('nested-too-deep', 'more than 5 levels: qs keeps the rest as a literal key "[g][h]"; the sender round-trips it through qs.stringify/qs.parse into "[[g][h]]", so the SDK refuses its own request', 'a[b][c][d][e][f][g][h]=1'));
  out.push(await q('array-brackets', 'a[]=1&a[]=2', 'a[]=1&a[]=2'));
  out.push(await q('array-indices-reordered', 'a[1]=x&a[0]=y: qs orders by index', 'a[1]=x&a[0]=y'));
  out.push(await q('array-sparse', 'a[5]=x: qs compacts to ["x"]', 'a[5]=x'));
  out.push(await q('array-over-limit', 'a[25]=x: index over arrayLimit (20) makes an object', 'a[25]=x'));
  out.push(await q('mixed-scalar-object', 'a=1&a[b]=2', 'a=1&a[b]=2'));
  out.push(await q('plus-is-space', 'a+b=c+d: + decodes to a space', 'a+b=c+d'));
  out.push(await q('percent-encoding', 'x=%2B%20%26%3D%23: encoded + space & = #', 'x=%2B%20%26%3D%23'));
  out.push(await q('percent-encoded-brackets', 'a%5Bb%5D=1: encoded brackets still nest', 'a%5Bb%5D=1'));
  out.push(await q('malformed-percent', 'x=%zz&y=%E4: undecodable values stay literal', 'x=%zz&y=%E4'));
  out.push(await q('malformed-percent-poisons-value', 'x=%2B%zz: one bad escape keeps the whole value undecoded', 'x=%2B%zz'));
  out.push(await q('utf8-encoded', '%E4%B8%AD=%F0%9F%98%80 (中=😀)', '%E4%B8%AD=%F0%9F%98%80'));
  out.push(await q('empty-values', 'a=&b&=c', 'a=&b&=c'));
  out.push(await q('empty-pairs', '&&a=1&&', '&&a=1&&'));
  out.push(await q('semicolon', 'a=1;b=2: ; is not a separator for qs', 'a=1;b=2'));
  out.push(await q('dot-key', 'a.b=1: allowDots is off', 'a.b=1'));
  out.push(await q('numeric-keys', '10=a&9=b&1=c: object keys sort as strings', '10=a&9=b&1=c'));
  out.push(await q('unbalanced-bracket', 'a[=1&b]=2: the sender round-trip through qs changes the shape, so the SDK refuses its own request', 'a[=1&b]=2'));
  out.push(await q('parameter-limit', '1005 parameters: qs keeps the first 1000 (both sides)', Array.from({ length: 1005 }, (_, i) => `k${i}=${i}`).join('&')));
  out.push(await q('prototype-key', 'toString=1: qs.parse drops it on the sender, Express (allowPrototypes) keeps it', 'toString=1&a=1', {
    quirk: { note: "sender signs without 'toString' (qs allowPrototypes false), Express's req.query keeps it, merge() adds it: the SDK refuses", receiverMayReturn: ['Valid', 'NoTrustedKeyMatched'] },
  }));
  out.push(await v1({
    name: 'query-params-nested-object',
    category: 'query',
    description: 'params { filter: { status: "active" }, tags: ["a b", "c"], livemode: true } serialized by qs.stringify',
    data: ev,
    params: { filter: { status: 'active' }, tags: ['a b', 'c'], livemode: true },
  }));
  out.push(await v1({
    name: 'query-url-and-params', category: 'query', description: 'query in the URL and params merged (url first, then &params)', data: ev, url: `${HOST}${CALLBACK}?token=abc%2Fdef`, params: { livemode: true },
  }));
  out.push(await q('empty-query', 'URL ends with "?"', ''));
  // Received differently from what was sent.
  const rq = (name, description, raw, received) => q(name, description, raw, { category: 'wrong-query', receive: { query: received } });
  out.push(await rq('space-as-plus-vs-%20', 'signed a+b=c, received a%20b=c (same decoded value)', 'a+b=c', 'a%20b=c'));
  out.push(await rq('reordered-keys', 'signed a=1&b=2, received b=2&a=1 (same object)', 'a=1&b=2', 'b=2&a=1'));
  out.push(await rq('reordered-repeated', 'signed a=1&a=2, received a=2&a=1 (array order differs)', 'a=1&a=2', 'a=2&a=1'));
  out.push(await rq('repeated-vs-single', 'signed a=1&a=1, received a=1', 'a=1&a=1', 'a=1'));
  out.push(await rq('plus-vs-%2B', 'signed a=b+c (space), received a=b%2Bc (plus)', 'a=b+c', 'a=b%2Bc'));
  out.push(await rq('brackets-vs-encoded', 'signed a[b]=1, received a%5Bb%5D=1 (same object)', 'a[b]=1', 'a%5Bb%5D=1'));
  out.push(await rq('nested-vs-flat', 'signed a[b]=1, received a.b=1', 'a[b]=1', 'a.b=1'));
  out.push(await rq('missing', 'signed livemode=true, received no query', 'livemode=true', null));
  return out;
}

// ---------------------------------------------------------------- key ring, ethereum, v0, quirks
async function keyRingVectors() {
  const ev = makeEvent('refund.succeeded', 'Refund', 906);
  return [
    await v1({ name: 'keyring-signed-by-second', category: 'key-ring', description: 'ring [rotated, app], signed by app', data: ev, receiverKeys: [ROTATED, APP] }),
    await v1({ name: 'keyring-signed-by-new', category: 'key-ring', description: 'ring [app, rotated], signed by rotated', key: ROTATED, data: ev, receiverKeys: [APP, ROTATED] }),
    await v1({ name: 'keyring-signed-by-outsider', category: 'key-ring', description: 'ring [app, rotated], signed by another app', key: OTHER, data: ev, receiverKeys: [APP, ROTATED] }),
  ];
}

async function ethereumVectors() {
  const out = [];
  let seed = 950;
  for (const [type, objectType] of DOCUMENTED_TYPES.filter((_, i) => i % 3 === 0)) {
    const ev = makeEvent(type, objectType, seed++);
    out.push(await v1({ name: `eth-valid-${slug(type)}`, category: 'ethereum', description: `${type} signed by an ethereum app wallet (secp256k1, keccak-256, DER)`, key: ETH, receiverKeys: [ETH], data: ev }));
  }
  const ev = makeEvent('invoice.paid', 'Invoice', 960);
  const e = (name, description, opts) => v1({ name: `eth-${name}`, category: 'ethereum', description, key: ETH, receiverKeys: [ETH], data: ev, ...opts });
  out.push(await e('reserialized', 'raw body pretty-printed, keys reversed', { receive: { body: serialize(ev, { indent: ' ', order: 'reverse' }) } }));
  out.push(await e('livemode-param', 'params { livemode: true }', { params: { livemode: true } }));
  out.push(await e('tampered', 'amount changed after signing', { receive: { body: JSON.stringify({ ...ev, data: { ...ev.data, object: { ...ev.data.object, total: '1' } } }) } }));
  out.push(await e('wrong-key', 'signed by another ethereum wallet', { key: ETH_OTHER }));
  out.push(await e('expired', 'received 1 s after exp', { receive: { nowOffsetMs: 301_000 } }));
  out.push(await e('wrong-path', 'received at another path', { receive: { path: '/api/payment/other' } }));
  out.push(await e('upper-case-hex', 'DER signature hex in upper case', { receive: { headers: (h) => { h['x-component-sig'] = `0x${h['x-component-sig'].slice(2).toUpperCase()}`; } } }));
  out.push(await e('high-s', 'S replaced by n - S (valid ECDSA, but the SDK verifies with lowS: true)', {
    receive: { headers: (h) => { h['x-component-sig'] = highS(h['x-component-sig']); } },
  }));
  out.push(await e('compact-not-der', 'r||s (64 bytes compact) instead of DER', {
    receive: { headers: (h) => { h['x-component-sig'] = derToCompact(h['x-component-sig']); } },
  }));
  out.push(await e('truncated', 'last byte of DER removed', { receive: { headers: (h) => { h['x-component-sig'] = h['x-component-sig'].slice(0, -2); } } }));
  out.push(await v1({
    name: 'eth-arcblock-key-verifies-eth-sig', category: 'ethereum', description: 'ethereum-signed request checked against an arcblock (ed25519) key', key: ETH, receiverKeys: [APP], data: ev,
  }));
  return out;
}

function parseDer(sigHex) {
  const b = Buffer.from(sigHex.slice(2), 'hex');
  let i = 2;
  const rl = b[i + 1];
  const r = b.subarray(i + 2, i + 2 + rl);
  i = i + 2 + rl;
  const sl = b[i + 1];
  const s = b.subarray(i + 2, i + 2 + sl);
  return { r: BigInt(`0x${r.toString('hex')}`), s: BigInt(`0x${s.toString('hex')}`) };
}

function derInt(n) {
  let h = n.toString(16);
  if (h.length % 2) h = `0${h}`;
  if (parseInt(h.slice(0, 2), 16) >= 0x80) h = `00${h}`;
  return `02${(h.length / 2).toString(16).padStart(2, '0')}${h}`;
}

function highS(sigHex) {
  const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
  const { r, s } = parseDer(sigHex);
  const body = derInt(r) + derInt(N - s);
  return `0x30${(body.length / 2).toString(16).padStart(2, '0')}${body}`;
}

function derToCompact(sigHex) {
  const { r, s } = parseDer(sigHex);
  return `0x${r.toString(16).padStart(64, '0')}${s.toString(16).padStart(64, '0')}`;
}

async function v0Vectors() {
  const out = [];
  let seed = 970;
  for (const [type, objectType] of DOCUMENTED_TYPES.filter((_, i) => i % 2 === 0)) {
    const ev = makeEvent(type, objectType, seed++);
    out.push(await v0({ name: `v0-valid-${slug(type)}`, description: `${type}, V0 signature over the body only`, data: ev }));
  }
  const ev = makeEvent('customer.subscription.deleted', 'Subscription', 980);
  out.push(await v0({ name: 'v0-reserialized', description: 'raw body re-serialized (pretty, shuffled)', data: ev, body: serialize(ev, { indent: '  ', order: 'shuffle' }) }));
  out.push(await v0({ name: 'v0-duplicate-keys', description: 'raw body repeats "type" (last wins in JSON.parse)', data: ev, body: `{"type":"x.y",${JSON.stringify(ev).slice(1)}` }));
  out.push(await v0({ name: 'v0-tampered', description: 'status changed after signing', data: ev, body: JSON.stringify({ ...ev, data: { ...ev.data, object: { ...ev.data.object, status: 'active' } } }) }));
  out.push(await v0({ name: 'v0-wrong-key', description: 'signed by another app', key: OTHER, data: ev }));
  out.push(await v0({ name: 'v0-garbage', description: 'random signature', data: ev, sigFn: () => `0x${'ab'.repeat(64)}` }));
  out.push(await v0({ name: 'v0-hostile-numbers', description: 'numbers the JS way', data: JSON.parse('{"id":"evt_v0n","type":"invoice.paid","n":[1.0,1E2,-0,1e21,0.1,1e-7,12345678901234567890]}'), body: '{"id":"evt_v0n","type":"invoice.paid","n":[1.0,1E2,-0,1e21,0.1,1e-7,12345678901234567890]}' }));
  out.push(await v0({ name: 'v0-ethereum', description: 'V0 by an ethereum wallet', key: ETH, receiverKeys: [ETH], data: ev }));
  out.push(await v0({ name: 'v0-refused-by-current-sdk', description: 'a valid V0 request given to 1.17.12 verifySig (no iat/exp: refused)', data: ev, allowV0: false }));
  return out;
}

// ---------------------------------------------------------------- registration calls (docs/protocol.md §4)
async function registrationVectors() {
  // What @blocklet/payment-js sends to Payment Kit through componentApi: livemode always in params.
  const base = 'https://pay.example/api/webhook-endpoints';
  const endpoint = {
    url: 'https://shop.example/api/payment/callback',
    enabled_events: DOCUMENTED_TYPES.map(([t]) => t),
    description: 'PaymentEvents receiver',
    metadata: { owner: 'paymentevents', instance: 'shop-1' },
  };
  const r = (name, description, opts) => v1({ name: `registration-${name}`, category: 'registration', description, ...opts });
  return [
    await r('list', 'GET list page 1, size 100', { method: 'GET', url: base, params: { page: 1, size: 100, livemode: true } }),
    await r('list-test-mode', 'GET list, livemode=false', { method: 'GET', url: base, params: { page: 1, size: 100, livemode: false } }),
    await r('create', 'POST create', { method: 'POST', url: base, params: { livemode: true }, data: endpoint }),
    await r('update', 'PUT update', { method: 'PUT', url: `${base}/we_7Hq2kLm9TzX4`, params: { livemode: true }, data: { url: endpoint.url, enabled_events: ['invoice.paid'], status: 'enabled' } }),
    await r('retrieve', 'GET one', { method: 'GET', url: `${base}/we_7Hq2kLm9TzX4`, params: { livemode: true } }),
    await r('delete', 'DELETE one', { method: 'DELETE', url: `${base}/we_7Hq2kLm9TzX4`, params: { livemode: true } }),
    await r('list-tampered-query', 'GET list signed for page 1, received page=2', { method: 'GET', url: base, params: { page: 1, size: 100, livemode: true }, receive: { query: 'page=2&size=100&livemode=true' } }),
    await r('create-wrong-method', 'POST create received as PUT', { method: 'POST', url: base, params: { livemode: true }, data: endpoint, receive: { method: 'PUT' } }),
  ];
}

// ---------------------------------------------------------------- main
async function main() {
  // --check: regenerate in memory and fail if the committed vectors differ (drift guard for CI).
  const check = process.argv.includes('--check');
  if (!check) {
    fs.mkdirSync(OUT, { recursive: true });
    for (const f of fs.readdirSync(OUT)) if (f.endsWith('.json')) fs.unlinkSync(path.join(OUT, f));
  }

  const ev = await eventVectors();
  const files = {
    'events-valid': ev.events,
    'events-reserialized': ev.reserialized,
    'events-tampered': ev.tampered,
    'events-wrong-key': ev.wrongKey,
    'events-expired': ev.expired,
    'events-wrong-path': ev.wrongPath,
    'events-wrong-query': ev.wrongQuery,
    'events-missing-headers': ev.missing,
    hostile: await hostileVectors(),
    signatures: await signatureVectors(),
    headers: await headerVectors(),
    time: await timeVectors(),
    paths: await pathVectors(),
    query: await queryVectors(),
    'key-ring': await keyRingVectors(),
    ethereum: await ethereumVectors(),
    v0: await v0Vectors(),
    registration: await registrationVectors(),
    canonical: canonicalCases(),
    'genuine-shapes': await genuineShapeVectors(),
  };

  const meta = {
    generator: 'tests/interop/make-vectors.js',
    sdk: `@blocklet/sdk@${sdk.SDK_VERSION}`,
    jsonStableStringify: require('json-stable-stringify/package.json').version,
    qs: require(require.resolve('qs/package.json', { paths: [path.dirname(require.resolve('@blocklet/sdk/package.json'))] })).version,
  };
  const names = new Set();
  const stale = [];
  const counts = {};
  for (const [file, vectors] of Object.entries(files)) {
    for (const v of vectors) {
      if (names.has(v.name)) throw new Error(`duplicate vector name ${v.name}`);
      names.add(v.name);
      const c = v.kind === 'canonical' ? 'canonical' : v.category;
      counts[c] = (counts[c] || 0) + 1;
    }
    const text = `${JSON.stringify({ meta, vectors }, null, 1)}\n`;
    const target = path.join(OUT, `${file}.json`);
    if (!check) fs.writeFileSync(target, text);
    else if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) stale.push(`${file}.json`);
  }
  if (check) {
    const known = new Set(Object.keys(files).map((f) => `${f}.json`));
    for (const f of fs.existsSync(OUT) ? fs.readdirSync(OUT) : []) if (f.endsWith('.json') && !known.has(f)) stale.push(`${f} (not generated)`);
    if (stale.length) {
      console.error(`vectors are stale: ${stale.join(', ')}; run node make-vectors.js`);
      process.exit(1);
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const valid = Object.values(files).flat().filter((v) => v.kind === 'request' && v.expected.valid).length;
  const req = Object.values(files).flat().filter((v) => v.kind === 'request').length;
  console.log(JSON.stringify({ total, requests: req, requestsValid: valid, counts }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
