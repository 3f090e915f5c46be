'use strict';

// The Node reference receiver the benchmark compares against (issue 9): what a Payment Kit webhook
// receiver written with the published SDK looks like. Express, express.json(), the real
// @blocklet/sdk@1.17.12 verifySig middleware, and a switch on the event type. No storage: it is
// the lower bound of what a Node receiver costs.
//
//   BLOCKLET_APP_PK=0x... PORT=5098 node server.js

const express = require('express');
const { verifySig } = require('@blocklet/sdk/lib/middlewares/component');

if (!process.env.BLOCKLET_APP_PK) {
  console.error('BLOCKLET_APP_PK must be the public key the deliveries are signed with');
  process.exit(2);
}

const app = express();
app.use(express.json({ limit: '1mb' }));
let handled = 0;
app.post('/api/payment/callback', verifySig, (req, res) => {
  switch (req.body.type) {
    case 'customer.subscription.renewed':
    case 'invoice.paid':
      handled += 1;
      break;
    default:
      break;
  }
  res.json({ received: true, duplicate: false });
});
app.get('/healthz', (_req, res) => res.json({ ok: true, handled }));

const port = Number(process.env.PORT || 5098);
app.listen(port, '127.0.0.1', () => console.log(`node reference receiver on 127.0.0.1:${port}`));
