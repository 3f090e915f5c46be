#!/usr/bin/env node
/* Validates the repository's blocklet.yml with the real @blocklet/meta parser (what Blocklet Server and the
 * blocklet CLI use). Exit 1 with the parser's message when it is not a valid docker component. */
const path = require('node:path');
const { parse } = require('@blocklet/meta/lib/parse');

const dir = path.resolve(__dirname, '..', '..');
try {
  const meta = parse(dir, { ensureComponentStore: false });
  if (!meta.docker || !meta.docker.image) throw new Error('blocklet.yml: docker.image is missing (it must survive the parser)');
  const web = (meta.interfaces || []).find((x) => x.type === 'web');
  if (!web || web.containerPort !== 8080) throw new Error('blocklet.yml: the web interface must map container port 8080');
  process.stdout.write(`blocklet.yml ok: ${meta.name} ${meta.version} (${meta.did}), docker ${meta.docker.image}, volume ${meta.docker.volume}, web :${web.containerPort}\n`);
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
