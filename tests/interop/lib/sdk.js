'use strict';

// Thin harness around the REAL @blocklet/sdk@1.17.12: its signer (getSignData / sign), its
// verifier (verify) and its Express middleware (verifySig). Nothing here re-implements the
// protocol; it only builds the Express-shaped request the middleware reads and pins the clock.

// Must be set before the SDK's config module loads, else it tries to reach a Blocklet Server.
process.env.BLOCKLET_MODE = 'test';
delete process.env.BLOCKLET_APP_ASK;
delete process.env.BLOCKLET_APP_PK;
delete process.env.CHAIN_TYPE;
delete process.env.BLOCKLET_WALLET_TYPE;

const crypto = require('node:crypto');
const { createRequire } = require('node:module');
const stableStringify = require('json-stable-stringify');
const { fromSecretKey, WalletType } = require('@ocap/wallet');
const { types, getSigner } = require('@ocap/mcrypto');
const { getSignData, sign, verify, getVerifyData } = require('@blocklet/sdk/lib/util/verify-sign');
const { verifySig } = require('@blocklet/sdk/lib/middlewares/component');
const sdkConfig = require('@blocklet/sdk/lib/config').default;
const sdkWallet = require('@blocklet/sdk/lib/wallet');

function restoreEnv(name, value) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

// Use the exact qs the SDK resolves (Express 4's "extended" query parser is qs too).
const sdkRequire = createRequire(require.resolve('@blocklet/sdk/lib/util/verify-sign'));
const qs = sdkRequire('qs');
const ufo = sdkRequire('ufo');

// The middleware logs every failure (with the data); vectors fail on purpose, keep stdout clean.
sdkConfig.logger.error = () => {};

const SDK_VERSION = require('@blocklet/sdk/package.json').version;

const ARCBLOCK_TYPE = WalletType({
  role: types.RoleType.ROLE_APPLICATION,
  pk: types.KeyType.ED25519,
  hash: types.HashType.SHA3,
});
const ETHEREUM_TYPE = WalletType('ethereum');

/** Deterministic test key (so regenerating the vectors gives the same bytes). */
function makeKey(label, walletType = 'arcblock') {
  const seed = crypto.createHash('sha256').update(`paymentevents-interop/${label}`).digest();
  if (walletType === 'ethereum') {
    const sk = `0x${seed.toString('hex')}`;
    const w = fromSecretKey(sk, ETHEREUM_TYPE);
    return { label, walletType, sk, pk: w.publicKey, address: w.address, wallet: w };
  }
  // Ed25519: 64-byte secret key = seed || public key, as the SDK's BLOCKLET_APP_SK.
  const kp = getSigner(types.KeyType.ED25519).genKeyPair('hex', seed);
  const w = fromSecretKey(kp.secretKey, ARCBLOCK_TYPE);
  return { label, walletType, sk: w.secretKey, pk: w.publicKey, address: w.address, wallet: w };
}

/** Runs fn with Date.now pinned (the SDK reads time only through Date.now). */
async function atTime(nowMs, fn) {
  const real = Date.now;
  Date.now = () => nowMs;
  try {
    return await fn();
  } finally {
    Date.now = real;
  }
}

/** The SDK picks the wallet type from CHAIN_TYPE when none is passed (lib/wallet.js). */
async function withWalletType(walletType, fn) {
  const prev = process.env.CHAIN_TYPE;
  if (walletType === 'ethereum') process.env.CHAIN_TYPE = 'ethereum';
  else delete process.env.CHAIN_TYPE;
  try {
    return await fn();
  } finally {
    if (prev === undefined) delete process.env.CHAIN_TYPE;
    else process.env.CHAIN_TYPE = prev;
  }
}

/**
 * V1: exactly what componentApi's request interceptor does (lib/util/component-api.js).
 * Returns the headers axios would send, the query string it would put on the wire
 * (url's own search + '&' + qs.stringify(params), like axios' buildURL with the SDK's
 * paramsSerializer), and the raw object the SDK stringified.
 */
async function signV1({ key, data, method = 'POST', url, params, iatSeconds, did }) {
  return withWalletType(key.walletType, () => atTime(iatSeconds * 1000 + 250, async () => {
    const s = await getSignData({ data, method, params, url }, { appSk: key.sk });
    const parsed = ufo.parseURL(url);
    const serialized = params ? qs.stringify(params) : '';
    const own = parsed.search.slice(1);
    const wireQuery = [own, serialized].filter((x) => x !== '').join('&');
    const headers = {
      'x-component-did': did ?? key.address,
      'x-component-sig': s.sig,
      'x-component-sig-iat': String(s.iat),
      'x-component-sig-exp': String(s.exp),
      'x-component-sig-version': String(s.version),
    };
    return {
      sig: s.sig,
      iat: s.iat,
      exp: s.exp,
      raw: s.raw,
      canonical: stableStringify(s.raw),
      headers,
      path: parsed.pathname,
      query: parsed.search === '' && serialized === '' ? null : wireQuery,
    };
  }));
}

/** V1 with a hand-picked iat/exp (getSignData always uses exp = iat + 300): the SDK's own sign(). */
async function signV1Raw({ key, raw }) {
  return withWalletType(key.walletType, async () => {
    const sig = await sign(raw, { appSk: key.sk });
    return { sig, canonical: stableStringify(raw) };
  });
}

/** V0 (older SDKs): the SDK's sign() over the body alone. */
async function signV0({ key, data }) {
  return withWalletType(key.walletType, async () => {
    const sig = await sign(data, { appSk: key.sk });
    return { sig, canonical: stableStringify(data || {}) };
  });
}

/**
 * What Express 4's express.json() (body-parser, strict) leaves in req.body, or the status it
 * answers with before the middleware runs. body-parser decodes with iconv-lite (BOM stripped,
 * invalid UTF-8 replaced by U+FFFD), refuses a first character other than '{' or '[', and
 * sets {} for an empty body.
 */
function expressJsonBody(buf) {
  if (buf.length === 0) return { ok: true, body: {} };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const m = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/.exec(text);
  if (!m || (m[1] !== '{' && m[1] !== '[')) return { ok: false, status: 400, reason: 'body-rejected' };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, reason: 'body-rejected' };
  }
}

/** An Express-4-shaped request: what verifySig and getVerifyData read. */
function makeReq({ method, path, query, headers, body }) {
  const lower = {};
  for (const [k, v] of Object.entries(headers || {})) {
    if (v !== undefined && v !== null) lower[k.toLowerCase()] = String(v);
  }
  const originalUrl = query === null || query === undefined ? path : `${path}?${query}`;
  return {
    method,
    originalUrl,
    url: originalUrl,
    headers: lower,
    body,
    // Express 4 "extended" query parser: qs.parse(str, { allowPrototypes: true }).
    query: qs.parse(query ?? '', { allowPrototypes: true }),
    get(name) {
      return this.headers[String(name).toLowerCase()];
    },
    header(name) {
      return this.get(name);
    },
  };
}

function makeRes() {
  const res = {
    statusCode: 200,
    payload: undefined,
    status(code) {
      res.statusCode = code;
      return res;
    },
    json(p) {
      res.payload = p;
      return res;
    },
  };
  return res;
}

/**
 * The verdict of express.json() + the real verifySig for one receiver key, at nowMs.
 * Also reports why (re-running the SDK's own getVerifyData/verify, which the middleware calls).
 */
async function middlewareVerdict({ method, path, query, headers, bodyBytes, receiverKey, nowMs }) {
  const parsed = expressJsonBody(bodyBytes);
  if (!parsed.ok) return { status: parsed.status, valid: false, reason: parsed.reason };
  const req = makeReq({ method, path, query, headers, body: parsed.body });
  return withWalletType(receiverKey.walletType, () => atTime(nowMs, async () => {
    // With BLOCKLET_APP_SK set the middleware verifies with the key pair's public half; with
    // only BLOCKLET_APP_PK it builds a public-key wallet (lib/wallet.js). Its wallet cache is
    // keyed without the public key, so clear it whenever the key changes.
    const prevSk = process.env.BLOCKLET_APP_SK;
    const prevPk = process.env.BLOCKLET_APP_PK;
    sdkWallet.cacheWallet.clear();
    if (receiverKey.sk) {
      process.env.BLOCKLET_APP_SK = receiverKey.sk;
      delete process.env.BLOCKLET_APP_PK;
    } else {
      delete process.env.BLOCKLET_APP_SK;
      process.env[receiverKey.walletType === 'ethereum' ? 'BLOCKLET_APP_PK_ETH' : 'BLOCKLET_APP_PK'] = receiverKey.pk;
    }
    try {
      const res = makeRes();
      let nextCalled = false;
      await verifySig(req, res, () => {
        nextCalled = true;
      });
      const status = nextCalled ? 200 : res.statusCode;
      return { status, valid: nextCalled, reason: nextCalled ? 'valid' : explain(req) };
    } finally {
      restoreEnv('BLOCKLET_APP_SK', prevSk);
      restoreEnv('BLOCKLET_APP_PK', prevPk);
      delete process.env.BLOCKLET_APP_PK_ETH;
      sdkWallet.cacheWallet.clear();
    }
  }));
}

// Why the middleware refused (same calls, same order as lib/middlewares/component.js).
function explain(req) {
  try {
    const { sig } = getVerifyData(req, 'component');
    return sig ? 'signature-mismatch' : 'missing-signature';
  } catch (e) {
    if (/expired/.test(e.message)) return 'expired';
    return 'malformed-headers';
  }
}

/** The verdict over several trusted keys: valid when any key verifies (a key ring). */
async function middlewareVerdictAny(args, receiverKeys) {
  let first;
  for (const k of receiverKeys) {
    // eslint-disable-next-line no-await-in-loop
    const v = await middlewareVerdict({ ...args, receiverKey: k });
    if (v.valid) return v;
    first ??= v;
  }
  return first;
}

/** V0: the SDK's verify() over the parsed body with the receiver's public key. */
async function v0Verdict({ bodyBytes, sig, receiverKeys }) {
  const parsed = expressJsonBody(bodyBytes);
  if (!parsed.ok) return { status: parsed.status, valid: false, reason: parsed.reason };
  if (!sig) return { status: 400, valid: false, reason: 'missing-signature' };
  for (const k of receiverKeys) {
    let ok = false;
    try {
      // eslint-disable-next-line no-await-in-loop
      ok = await withWalletType(k.walletType, () => verify(parsed.body, sig, { appPk: k.pk }));
    } catch {
      ok = false;
    }
    if (ok) return { status: 200, valid: true, reason: 'valid' };
  }
  return { status: 401, valid: false, reason: 'signature-mismatch' };
}

module.exports = {
  SDK_VERSION,
  qs,
  ufo,
  stableStringify,
  makeKey,
  atTime,
  signV1,
  signV1Raw,
  signV0,
  expressJsonBody,
  makeReq,
  middlewareVerdict,
  middlewareVerdictAny,
  v0Verdict,
};
