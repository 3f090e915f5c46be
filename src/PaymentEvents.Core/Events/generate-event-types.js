#!/usr/bin/env node
/* Writes EventTypes.Generated.cs (beside this script) from the EventType union of the real @blocklet/payment-types,
 * the package Payment Kit's own code is typed with. The union is a TypeScript type, erased at run time, so it is read
 * from the package's lib/types.d.ts. The package comes from tests/eventbus/node_modules (pinned by its lock file;
 * `npm ci --ignore-scripts` there installs it).
 *
 *   node src/PaymentEvents.Core/Events/generate-event-types.js           rewrite the file
 *   node src/PaymentEvents.Core/Events/generate-event-types.js --check   exit 1 when the committed file is stale
 *   node src/PaymentEvents.Core/Events/generate-event-types.js --stdout  print what the file should be
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const output = path.join(__dirname, 'EventTypes.Generated.cs');

function load() {
  let manifest;
  try {
    manifest = require.resolve('@blocklet/payment-types/package.json', { paths: [path.join(root, 'tests', 'eventbus')] });
  } catch {
    throw new Error('@blocklet/payment-types is not installed: run `npm ci --ignore-scripts` in tests/eventbus');
  }
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const types = fs.readFileSync(path.join(path.dirname(manifest), 'lib', 'types.d.ts'), 'utf8');
  const union = /export type EventType = LiteralUnion<([^>]*), string>;/.exec(types);
  if (!union) throw new Error('lib/types.d.ts has no `export type EventType = LiteralUnion<..., string>`');
  const names = [...union[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  if (names.length === 0) throw new Error('the EventType union lists no names');
  return { version, names };
}

// account.external_account.created -> AccountExternalAccountCreated
const constantName = (name) =>
  name.split(/[._]/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join('');

function render({ version, names }) {
  const constants = names.map((n) => ({ name: constantName(n), value: n }));
  const seen = new Map();
  for (const c of constants) {
    if (seen.has(c.name)) throw new Error(`'${c.value}' and '${seen.get(c.name)}' both make the constant ${c.name}`);
    seen.set(c.name, c.value);
  }

  const lines = [
    `// Generated from the EventType union of @blocklet/payment-types@${version} (lib/types.d.ts) by`,
    '// generate-event-types.js beside it; EventTypesGeneratorTests fails when this file is stale. Do not edit: rerun',
    '// `node src/PaymentEvents.Core/Events/generate-event-types.js`.',
    '',
    '// A constant\'s name is its value in PascalCase; a doc comment would only repeat it.',
    '#pragma warning disable CS1591',
    '// The compiler treats a *.Generated.cs file as generated code, where nullable is off unless the file says so.',
    '#nullable enable',
    '',
    'namespace PaymentEvents.Events;',
    '',
    'public static partial class EventTypes',
    '{',
    ...constants.map((c) => `    public const string ${c.name} = "${c.value}";`),
    '',
    `    /// <summary>Every name of the <c>EventType</c> union (${names.length} names), in the order of types.d.ts.</summary>`,
    '    public static IReadOnlyList<string> All { get; } =',
    '    [',
    ...constants.map((c) => `        ${c.name},`),
    '    ];',
    '}',
    '',
  ];
  return lines.join('\n');
}

try {
  const text = render(load());
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
  } else if (process.argv.includes('--check')) {
    const current = fs.existsSync(output) ? fs.readFileSync(output, 'utf8') : '';
    if (current !== text) {
      process.stderr.write(`${path.relative(root, output)} is stale: run node ${path.relative(root, __filename)}\n`);
      process.exit(1);
    }
    process.stdout.write(`${path.relative(root, output)} is up to date\n`);
  } else {
    fs.writeFileSync(output, text);
    process.stdout.write(`wrote ${path.relative(root, output)}\n`);
  }
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
}
