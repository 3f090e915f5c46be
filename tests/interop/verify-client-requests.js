'use strict';

// Runs the REAL verifySig middleware of @blocklet/sdk@1.17.12 (what Payment Kit uses to check
// component calls, docs/protocol.md §4) over requests that the .NET PaymentKitClient signed, as captured by
// tests/PaymentEvents.Tests/Registration/NodeInteropClientRequestsTests.cs.
//
//   node verify-client-requests.js <captured.json>
//
// captured.json: { "app_sk": "0x..", "requests": [ { "name", "method", "url" (path?query),
//                  "headers": { lower-case name: value }, "body": raw text or null } ] }
// Every captured request must pass (next() called). As a control that the check can fail, a tampered
// copy of each (one query value or body value changed) must be refused with 401.
// Prints one JSON object with the per-request verdicts; exit code 0 only when all are as expected.

// Must be set before the SDK's config module loads, else it tries to reach a Blocklet Server.
process.env.BLOCKLET_MODE = 'test';
delete process.env.BLOCKLET_APP_ASK;
delete process.env.BLOCKLET_APP_PK;
delete process.env.CHAIN_TYPE;
delete process.env.BLOCKLET_WALLET_TYPE;

const fs = require('node:fs');
const { createRequire } = require('node:module');

let verifySig;
let qs;
try {
  ({ verifySig } = require('@blocklet/sdk/lib/middlewares/component'));
  // Express 4's default ("extended") query parser is qs; use the copy the SDK resolves.
  qs = createRequire(require.resolve('@blocklet/sdk/lib/util/verify-sign'))('qs');
  const sdkConfig = require('@blocklet/sdk/lib/config').default;
  sdkConfig.logger.error = () => {}; // the tampered controls fail on purpose
} catch (error) {
  console.error(`cannot load @blocklet/sdk (${error.message}); run: cd tests/interop && npm ci --ignore-scripts`);
  process.exit(3);
}

function expressRequest(captured) {
  const q = captured.url.indexOf('?');
  const search = q < 0 ? '' : captured.url.slice(q + 1);
  const headers = Object.fromEntries(Object.entries(captured.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    method: captured.method.toUpperCase(),
    originalUrl: captured.url,
    query: qs.parse(search),
    // body-parser's json() leaves {} when there is no body (GET, DELETE).
    body: captured.body == null || captured.body === '' ? {} : JSON.parse(captured.body),
    get: (name) => headers[name.toLowerCase()],
  };
}

async function runMiddleware(req, iat) {
  // The verifier reads the clock through Date.now (exp < now); judge at the signing time, so a slow
  // test run cannot turn a compatibility check into an expiry check.
  const realNow = Date.now;
  Date.now = () => iat * 1000 + 1000;
  try {
    let status = 200;
    let passed = false;
    const res = {
      status(code) { status = code; return this; },
      json() { return this; },
    };
    await verifySig(req, res, () => { passed = true; });
    return { passed, status: passed ? 200 : status };
  } finally {
    Date.now = realNow;
  }
}

function tamper(captured) {
  const copy = JSON.parse(JSON.stringify(captured));
  if (copy.body) {
    const body = JSON.parse(copy.body);
    body.url = `${body.url || ''}x`;
    copy.body = JSON.stringify(body);
  } else if (copy.url.includes('livemode=false')) {
    copy.url = copy.url.replace('livemode=false', 'livemode=true');
  } else {
    copy.url = copy.url.replace('livemode=true', 'livemode=false');
  }
  return copy;
}

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node verify-client-requests.js <captured.json>');
    process.exit(2);
  }
  const input = JSON.parse(fs.readFileSync(file, 'utf8'));
  process.env.BLOCKLET_APP_SK = input.app_sk;

  const results = [];
  for (const captured of input.requests) {
    const iat = Number(captured.headers['x-component-sig-iat']);
    const genuine = await runMiddleware(expressRequest(captured), iat);
    const forged = await runMiddleware(expressRequest(tamper(captured)), iat);
    results.push({
      name: captured.name,
      method: captured.method,
      url: captured.url,
      accepted: genuine.passed,
      status: genuine.status,
      tampered_rejected: !forged.passed && forged.status === 401,
    });
  }
  const ok = results.length > 0 && results.every((r) => r.accepted && r.tampered_rejected);
  console.log(JSON.stringify({ ok, sdk: require('@blocklet/sdk/package.json').version, results }, null, 2));
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(4);
});
