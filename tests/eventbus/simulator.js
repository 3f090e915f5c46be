#!/usr/bin/env node
/* The Blocklet Server side of the event bus (docs/protocol.md §6), built on the real packages: @arcblock/ws WsServer (the
 * class Blocklet Server's service uses), @arcblock/jwt verify and @blocklet/meta's channel names. It serves, on
 * 127.0.0.1 only:
 *   ws   /.well-known/service/websocket                 connect (token + pk in the query), join (token verified
 *                                                          against pk, pk must be the app's access key, the channel
 *                                                          must be this app's), heartbeat, broadcast
 *   POST /.well-known/service/api/send-to-event-bus     what @blocklet/sdk eventbus.publish() posts: sender token
 *                                                          checked, event type must be declared by its source
 *                                                          component, then broadcast to app:{pid}:eventbus; nothing kept
 *   GET  /_sim/subscribers?topic=...                    sockets joined to a topic (tests wait on state, not time)
 * Configuration (environment): SIM_PORT (0 = any), SIM_APP_PID, SIM_APP_DIDS (comma list: DIDs the app is known by),
 * SIM_ACCESS_PKS (comma list: the app's access public keys), SIM_DECLARED_EVENTS (JSON {componentDid: [types]}).
 * stdout: one JSON line per fact ({"ready":true,"port":n}, {"join":...}, {"published":...}, {"heartbeat":socketId}); stdin: "silence" makes
 * every socket open now stop sending anything (a half-open connection), "quit" exits.
 */
const http = require('node:http');
const readline = require('node:readline');
const { WsServer } = require('@arcblock/ws');
const Jwt = require('@arcblock/jwt');
const { parseChannel, getEventBusChannel, CHANNEL_TYPE } = require('@blocklet/meta/lib/channel');

const SERVICE_PREFIX = '/.well-known/service';
const pid = process.env.SIM_APP_PID;
const appDids = new Set([pid, ...(process.env.SIM_APP_DIDS || '').split(',').filter(Boolean)]);
const accessPks = new Set((process.env.SIM_ACCESS_PKS || '').split(',').filter(Boolean).map((x) => x.toLowerCase()));
const declared = JSON.parse(process.env.SIM_DECLARED_EVENTS || '{}');
const TOLERANCE = 24 * 3600; // what docs/protocol.md §6 says the server allows at join
const out = (fact) => process.stdout.write(`${JSON.stringify(fact)}\n`);
const silent = { log() {}, debug() {}, info() {}, warn() {}, error() {} };

const verifyAccess = async (token, pk) => {
  if (!token || !pk) throw new Error('token and pk are required');
  if (!(await Jwt.verify(token, pk, { tolerance: TOLERANCE }))) throw new Error('invalid token');
  if (!accessPks.has(String(pk).toLowerCase())) throw new Error('token is not signed by an access key of this app');
  return Jwt.decode(token);
};

const wsServer = new WsServer({
  pathname: `${SERVICE_PREFIX}/websocket`,
  logger: silent,
  skipLogOnHookError: true,
  authenticate: (req, cb) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    // The SDK's URL ends "pk=0x…/websocket&vsn=2.0.0" (phoenix appends its transport after the query).
    const pk = (url.searchParams.get('pk') || '').replace(/\/websocket$/, '');
    // At connect only the token itself is checked; whether its key belongs to the app is decided at join.
    Jwt.verify(url.searchParams.get('token') || '', pk, { tolerance: TOLERANCE }).then(
      (ok) => (ok ? cb(null, { pk }) : cb(new Error('invalid token'))),
      (err) => cb(err)
    );
  },
  hooks: {
    authenticateJoinChannel: async ({ topic, payload, socket }) => {
      const { token, pk } = payload || {};
      try {
        const body = await verifyAccess(token, pk);
        const channel = parseChannel(topic);
        if ((channel.type === CHANNEL_TYPE.EVENT_BUS || channel.type === CHANNEL_TYPE.APP) && !appDids.has(channel.appDid)) {
          throw new Error(`app ${channel.appDid} does not exist`);
        }
        out({ join: { topic, ok: true, socket: socket.id, iss: body.iss, iat: body.iat, exp: body.exp } });
        return { pk };
      } catch (err) {
        out({ join: { topic, ok: false, socket: socket.id, message: err.message } });
        throw err;
      }
    },
  },
});

const sockets = new Set();
wsServer.wss.on('connection', (ws) => {
  sockets.add(ws);
  ws.on('message', (data) => {
    // Every phoenix heartbeat the client sends (WsServer answers it itself): tests count intervals on this, not on time.
    try {
      const [, , topic, event] = JSON.parse(data.toString());
      if (topic === 'phoenix' && event === 'heartbeat') out({ heartbeat: ws.id });
    } catch {
      // not a phoenix frame: WsServer deals with it
    }
  });
  ws.on('close', (code) => {
    sockets.delete(ws);
    out({ closed: code, socket: ws.id }); // 1000 = the client closed normally, 1006 = it just went away
  });
});

const readJson = (req) =>
  new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });

const send = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  try {
    if (req.method === 'POST' && url.pathname === `${SERVICE_PREFIX}/api/send-to-event-bus`) {
      const { data } = await readJson(req);
      const { sender, channel, event } = data || {};
      const decoded = Jwt.decode(sender.token, false);
      const signerOk = await Promise.all([...accessPks].map((pk) => Jwt.verify(sender.token, pk, { tolerance: TOLERANCE })));
      if (!signerOk.some(Boolean)) return send(res, 401, { error: 'invalid sender token' });
      if (!appDids.has(sender.appDid)) return send(res, 403, { error: `unknown app ${sender.appDid}` });
      const parsed = parseChannel(channel);
      if (parsed.type !== CHANNEL_TYPE.EVENT_BUS || !appDids.has(parsed.appDid)) return send(res, 400, { error: `not this app's event bus: ${channel}` });
      if (!(declared[event.source] || []).includes(event.type)) {
        return send(res, 400, { error: `event type ${event.type} is not declared by component ${event.source}` });
      }
      await wsServer.broadcast(getEventBusChannel(pid), 'event', event, { noCluster: true });
      out({ published: event.id, type: event.type, source: event.source, iss: decoded.body.iss });
      return send(res, 200, { code: 'ok' });
    }
    if (req.method === 'GET' && url.pathname === '/_sim/subscribers') {
      const set = wsServer.topics[url.searchParams.get('topic')];
      return send(res, 200, { count: set ? set.size : 0 });
    }
    return send(res, 404, { error: 'not found' });
  } catch (err) {
    return send(res, 500, { error: err.message });
  }
});

wsServer.attach(server);
server.listen(Number(process.env.SIM_PORT || 0), '127.0.0.1', () => out({ ready: true, port: server.address().port }));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const command = line.trim();
  if (command === 'silence') {
    // A half-open connection: the sockets stay open but nothing comes back (no heartbeat reply, no event).
    sockets.forEach((ws) => {
      ws.send = () => {};
    });
    out({ silenced: sockets.size });
  } else if (command === 'quit') {
    process.exit(0);
  }
});
process.stdin.on('end', () => process.exit(0));
