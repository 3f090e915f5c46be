'use strict';

// Reverse direction: requests signed by the C# RequestSigner, checked by the REAL
// @blocklet/sdk@1.17.12 verifySig middleware (express.json() semantics, Express-4-shaped req).
//
//   node verify-requests.js requests.json      (or: ... | node verify-requests.js -)
//
// Input: { "requests": [ {
//   "name": "...", "method": "POST", "path": "/api/payment/callback", "query": "a=1" | null,
//   "headers": { "x-component-sig": "0x..", ... , "x-path-prefix"?: "/pay" },
//   "bodyBase64": "...", "publicKey": "0x..", "walletType": "arcblock" | "ethereum",
//   "nowUnixMs": 1764230400000, "expectValid": true } ] }
// Prints one line per request and a JSON summary; exits 1 when any verdict differs from
// expectValid (a request that should pass fails, or a tampered one passes), 2 on bad input.

const fs = require('node:fs');
const sdk = require('./lib/sdk');

function readInput(arg) {
  if (!arg || arg === '-') return fs.readFileSync(0, 'utf8');
  return fs.readFileSync(arg, 'utf8');
}

async function main() {
  let input;
  try {
    input = JSON.parse(readInput(process.argv[2]));
  } catch (e) {
    console.error(`verify-requests: cannot read input: ${e.message}`);
    process.exit(2);
  }
  const requests = Array.isArray(input) ? input : input.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    console.error('verify-requests: input has no "requests" array');
    process.exit(2);
  }

  let mismatches = 0;
  const results = [];
  for (const r of requests) {
    for (const field of ['name', 'method', 'path', 'headers', 'publicKey', 'nowUnixMs']) {
      if (r[field] === undefined) {
        console.error(`verify-requests: request ${r.name ?? '?'} lacks "${field}"`);
        process.exit(2);
      }
    }
    const verdict = await sdk.middlewareVerdict({
      method: r.method,
      path: r.path,
      query: r.query ?? null,
      headers: r.headers,
      bodyBytes: Buffer.from(r.bodyBase64 ?? '', 'base64'),
      receiverKey: { walletType: r.walletType ?? 'arcblock', pk: r.publicKey },
      nowMs: r.nowUnixMs,
    });
    const expect = r.expectValid !== false;
    const ok = verdict.valid === expect;
    if (!ok) mismatches += 1;
    results.push({ name: r.name, expectValid: expect, sdkValid: verdict.valid, sdkStatus: verdict.status, reason: verdict.reason, ok });
    console.log(`${ok ? 'PASS' : 'FAIL'} ${r.name}: SDK ${verdict.status} (${verdict.reason}), expected ${expect ? 'valid' : 'invalid'}`);
  }
  console.log(JSON.stringify({ total: requests.length, mismatches, sdk: `@blocklet/sdk@${sdk.SDK_VERSION}` }));
  process.exit(mismatches === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
