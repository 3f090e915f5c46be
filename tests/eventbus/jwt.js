#!/usr/bin/env node
/* The real @arcblock/jwt on tokens made elsewhere, one JSON command per stdin line:
 *   {"verify": token, "pk": "0x…", "tolerance": s}    -> {"valid": bool, "body": decoded body}
 *   {"sign": true, "sk": "0x…", "now": unixSeconds}    -> {"token": what @ocap/wallet signJWT({}) makes at that time}
 */
const readline = require('node:readline');
const Jwt = require('@arcblock/jwt');
const { getAccessWallet } = require('@blocklet/sdk/lib/wallet');

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  if (!line.trim()) return;
  const cmd = JSON.parse(line);
  let answer;
  if (cmd.verify) {
    const valid = await Jwt.verify(cmd.verify, cmd.pk, { tolerance: cmd.tolerance ?? 5 });
    answer = { valid, header: Jwt.decode(cmd.verify, false).header, body: Jwt.decode(cmd.verify) };
  } else {
    // The SDK's own access wallet, from BLOCKLET_APP_ASK, at a fixed clock.
    process.env.BLOCKLET_APP_ASK = cmd.sk;
    const realNow = Date.now;
    Date.now = () => cmd.now * 1000;
    try {
      answer = { token: await getAccessWallet().signJWT({}), pk: getAccessWallet().publicKey, address: getAccessWallet().address };
    } finally {
      Date.now = realNow;
    }
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
});
