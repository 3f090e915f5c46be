'use strict';

// Genuine Payment Kit events of unusual shape (issue 16): a 256 KiB invoice whose metadata holds a few thousand keys,
// and events nested 110 and 1,000 levels deep. The real SDK signs and verifies them, so a receiver must accept them.
// Deterministic: keys and values come from the seeded event and fixed patterns.

const { makeEvent } = require('./events');

/** An object `levels` deep ({"l": {"l": ... {"bottom": true}}}); one level is the innermost object. */
function deep(levels) {
  let value = { bottom: true };
  for (let i = 1; i < levels; i++) value = { l: value };
  return value;
}

function genuineShapes() {
  const out = [];

  // ~256 KiB: metadata keys of 16 characters with ~90-character values, until the body is that large.
  const wide = makeEvent('invoice.paid', 'Invoice', 9001);
  wide.id = 'evt_genuine_wide_metadata';
  const metadata = {};
  wide.data.object.metadata = metadata;
  let i = 0;
  while (Buffer.byteLength(JSON.stringify(wide)) < 256 * 1024) {
    metadata[`line_${String(i).padStart(5, '0')}_sku`] = `SKU-${i}-${'x'.repeat(80)}`;
    i += 1;
  }
  out.push({ name: 'wide-metadata', description: `invoice.paid of ${Buffer.byteLength(JSON.stringify(wide))} bytes whose data.object.metadata holds ${i} keys`, event: wide });

  // Whole-body depth: root (1) > data (2) > object (3) > metadata (4) > nested levels.
  for (const depth of [110, 1000]) {
    const ev = makeEvent('customer.subscription.updated', 'Subscription', 9000 + depth);
    ev.id = `evt_genuine_deep_${depth}`;
    ev.data.object.metadata = { nested: deep(depth - 4) };
    out.push({ name: `deep-${depth}`, description: `customer.subscription.updated nested ${depth} levels deep (in data.object.metadata)`, event: ev });
  }

  return out;
}

/** Nesting of a parsed JSON value, counted as JSON levels (an object or array is one level); iterative. */
function depthOf(value) {
  let max = 0;
  const stack = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    max = Math.max(max, d);
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

module.exports = { genuineShapes, depthOf };
