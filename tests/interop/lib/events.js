'use strict';

// Realistic Payment Kit events (shapes from @blocklet/payment-types@1.27.2 event.d.ts,
// subscription.d.ts, checkout-session.d.ts, payment-intent.d.ts, invoice.d.ts, refund.d.ts).
// Amounts are decimal strings in token units (18 decimals); resource timestamps are unix
// seconds or ISO strings, as Payment Kit stores them. Deterministic: a seeded PRNG.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function makeIds(rand) {
  const id = (prefix, n = 24) => {
    let s = `${prefix}_`;
    for (let i = 0; i < n; i++) s += ALNUM[Math.floor(rand() * ALNUM.length)];
    return s;
  };
  const hex = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789ABCDEF'[Math.floor(rand() * 16)];
    return s;
  };
  return { id, hex };
}

// Base time for every resource: 2025-11-27T08:00:00Z.
const T0 = 1764230400;
const iso = (unix, ms = 0) => new Date(unix * 1000 + ms).toISOString();

const DOCUMENTED_TYPES = [
  ['checkout.session.completed', 'CheckoutSession'],
  ['checkout.session.nft_minted', 'CheckoutSession'],
  ['customer.subscription.created', 'Subscription'],
  ['customer.subscription.started', 'Subscription'],
  ['customer.subscription.renewed', 'Subscription'],
  ['customer.subscription.upgraded', 'Subscription'],
  ['customer.subscription.updated', 'Subscription'],
  ['customer.subscription.deleted', 'Subscription'],
  ['customer.subscription.paused', 'Subscription'],
  ['customer.subscription.resumed', 'Subscription'],
  ['customer.subscription.trial_start', 'Subscription'],
  ['customer.subscription.trial_will_end', 'Subscription'],
  ['customer.subscription.trial_end', 'Subscription'],
  ['payment_intent.succeeded', 'PaymentIntent'],
  ['payment_intent.payment_failed', 'PaymentIntent'],
  ['invoice.paid', 'Invoice'],
  ['refund.succeeded', 'Refund'],
];

// Undocumented but real (types.d.ts EventType) plus one that does not exist yet.
const EXTRA_TYPES = [
  ['customer.subscription.past_due', 'Subscription'],
  ['customer.subscription.renew_failed', 'Subscription'],
  ['customer.subscription.recovered', 'Subscription'],
  ['customer.credit_grant.granted', 'CreditGrant'],
  ['invoice.payment_failed', 'Invoice'],
  ['refund.canceled', 'Refund'],
  ['customer.subscription.teleported', 'Subscription'],
];

function buildContext(rand) {
  const { id, hex } = makeIds(rand);
  return {
    rand,
    id,
    hex,
    customer: id('cus', 24),
    currency: id('pc', 12),
    method: id('pm', 12),
    did: `z${hex(8).toLowerCase()}${id('x', 26).slice(2)}`,
  };
}

function amount(ctx, maxTokens = 500) {
  const whole = 1 + Math.floor(ctx.rand() * maxTokens);
  const frac = Math.floor(ctx.rand() * 1000);
  return `${BigInt(whole) * 10n ** 18n + BigInt(frac) * 10n ** 15n}`;
}

function subscription(ctx, type) {
  const start = T0 - 30 * 86400;
  const status = {
    'customer.subscription.deleted': 'canceled',
    'customer.subscription.paused': 'paused',
    'customer.subscription.past_due': 'past_due',
    'customer.subscription.trial_start': 'trialing',
    'customer.subscription.trial_will_end': 'trialing',
    'customer.subscription.created': 'incomplete',
  }[type] || 'active';
  const sub = {
    id: ctx.id('sub'),
    livemode: true,
    currency_id: ctx.currency,
    customer_id: ctx.customer,
    current_period_start: T0,
    current_period_end: T0 + 30 * 86400,
    default_payment_method_id: ctx.method,
    description: 'Pro plan (monthly) — 专业版 · 月付',
    latest_invoice_id: ctx.id('in'),
    metadata: { order_ref: `ORD-${ctx.hex(6)}`, plan: 'pro' },
    status,
    cancel_at_period_end: type === 'customer.subscription.deleted',
    cancel_at: type === 'customer.subscription.deleted' ? T0 : 0,
    canceled_at: type === 'customer.subscription.deleted' ? T0 - 60 : 0,
    billing_cycle_anchor: start,
    collection_method: 'charge_automatically',
    pending_invoice_item_interval: { interval: 'month', interval_count: 1 },
    start_date: start,
    payment_details: {
      arcblock: { tx_hash: ctx.hex(64), payer: ctx.did, type: 'delegate' },
    },
    proration_behavior: 'create_prorations',
    payment_behavior: 'allow_incomplete',
    created_at: iso(start, 123),
    updated_at: iso(T0, 662),
  };
  if (type.includes('trial')) {
    sub.trial_start = T0 - 7 * 86400;
    sub.trial_end = type === 'customer.subscription.trial_end' ? T0 : T0 + 3 * 86400;
    sub.trial_settings = { end_behavior: { missing_payment_method: 'cancel' } };
  }
  if (type === 'customer.subscription.deleted') {
    sub.cancelation_details = { comment: 'Switching to yearly', feedback: 'other', reason: 'cancellation_requested', refund: 'none' };
    sub.ended_at = T0;
  }
  if (type === 'customer.subscription.paused') {
    sub.pause_collection = { behavior: 'keep_as_draft', resumes_at: T0 + 14 * 86400 };
  }
  if (type === 'customer.subscription.teleported') sub.status = 'quantum_superposition';
  return sub;
}

function previousAttributes(type, obj) {
  switch (type) {
    case 'customer.subscription.renewed':
      return { current_period_start: obj.current_period_start - 30 * 86400, current_period_end: obj.current_period_start };
    case 'customer.subscription.upgraded':
    case 'customer.subscription.updated':
      return { metadata: { plan: 'basic' }, description: 'Basic plan (monthly)' };
    case 'customer.subscription.deleted':
      return { status: 'active', canceled_at: 0 };
    case 'customer.subscription.paused':
      return { status: 'active', pause_collection: null };
    case 'customer.subscription.resumed':
      return { status: 'paused' };
    case 'customer.subscription.started':
    case 'customer.subscription.recovered':
      return { status: 'incomplete' };
    case 'customer.subscription.trial_end':
      return { status: 'trialing' };
    case 'customer.subscription.past_due':
      return { status: 'active' };
    case 'payment_intent.succeeded':
      return { status: 'processing', amount_received: '0' };
    case 'invoice.paid':
      return { status: 'open', paid: false, amount_paid: '0' };
    case 'refund.succeeded':
      return { status: 'processing' };
    default:
      return undefined;
  }
}

function checkoutSession(ctx, type) {
  const total = amount(ctx);
  const cs = {
    id: ctx.id('cs_live', 40),
    livemode: true,
    client_reference_id: `user-${ctx.hex(8).toLowerCase()}`,
    currency_id: ctx.currency,
    invoice_id: ctx.id('in'),
    customer_id: ctx.customer,
    customer_did: ctx.did,
    payment_link_id: ctx.id('plink'),
    subscription_id: ctx.id('sub'),
    payment_intent_id: ctx.id('pi'),
    mode: 'subscription',
    status: 'complete',
    payment_status: 'paid',
    line_items: [
      { price_id: ctx.id('price'), quantity: 1, adjustable_quantity: { enabled: false, maximum: 99, minimum: 1 } },
    ],
    amount_subtotal: total,
    amount_total: total,
    total_details: { amount_discount: '0', amount_shipping: '0', amount_tax: '0' },
    success_url: 'https://shop.example/checkout/success?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://shop.example/checkout/cancel',
    customer_details: { name: 'Ada Lovelace 🚀', email: 'ada@example.com', phone: '+44 20 7946 0958', address: { country: 'GB', city: 'London', line1: '12 St James\'s Sq', postal_code: 'SW1Y 4JH' } },
    customer_creation: 'if_required',
    expires_at: T0 + 86400,
    payment_method_types: ['arcblock'],
    submit_type: 'pay',
    metadata: { cart: `cart_${ctx.hex(10).toLowerCase()}` },
    billing_address_collection: 'auto',
    created_at: iso(T0 - 300, 17),
    updated_at: iso(T0, 903),
  };
  if (type === 'checkout.session.nft_minted') {
    cs.nft_mint_status = 'minted';
    cs.nft_mint_details = { type: 'arcblock', arcblock: { tx_hash: ctx.hex(64), address: ctx.did } };
    cs.mode = 'payment';
    delete cs.subscription_id;
  }
  return cs;
}

function paymentIntent(ctx, type) {
  const amt = amount(ctx);
  const failed = type === 'payment_intent.payment_failed';
  return {
    id: ctx.id('pi'),
    livemode: true,
    description: 'Subscription update',
    amount: amt,
    amount_received: failed ? '0' : amt,
    amount_capturable: '0',
    currency_id: ctx.currency,
    customer_id: ctx.customer,
    payment_method_id: ctx.method,
    invoice_id: ctx.id('in'),
    last_payment_error: failed
      ? { type: 'card_error', code: 'insufficient_funds', message: 'Insufficient balance: need 12.5 ABT, have 3.25 ABT', payment_method_id: ctx.method, payment_method_type: 'arcblock' }
      : null,
    metadata: {},
    receipt_email: 'ada@example.com',
    statement_descriptor: 'SHOP.EXAMPLE',
    status: failed ? 'requires_payment_method' : 'succeeded',
    capture_method: 'automatic',
    confirmation_method: 'automatic',
    payment_method_types: ['arcblock'],
    payment_details: failed ? undefined : { arcblock: { tx_hash: ctx.hex(64), payer: ctx.did, type: 'transfer' } },
    created_at: iso(T0 - 20, 5),
    updated_at: iso(T0, 41),
  };
}

function invoice(ctx, type) {
  const total = amount(ctx);
  const paid = type === 'invoice.paid';
  return {
    id: ctx.id('in'),
    number: `${ctx.hex(8)}-0007`,
    livemode: true,
    description: 'Subscription cycle',
    statement_descriptor: 'SHOP.EXAMPLE',
    period_start: T0 - 30 * 86400,
    period_end: T0,
    auto_advance: true,
    paid,
    paid_out_of_band: false,
    status: paid ? 'paid' : 'open',
    collection_method: 'charge_automatically',
    billing_reason: 'subscription_cycle',
    currency_id: ctx.currency,
    customer_id: ctx.customer,
    payment_intent_id: ctx.id('pi'),
    subscription_id: ctx.id('sub'),
    subtotal: total,
    subtotal_excluding_tax: total,
    tax: '0',
    total,
    amount_due: total,
    amount_paid: paid ? total : '0',
    amount_remaining: paid ? '0' : total,
    amount_shipping: '0',
    starting_balance: '0',
    ending_balance: '0',
    starting_token_balance: { [ctx.currency]: '0' },
    ending_token_balance: { [ctx.currency]: '0' },
    attempt_count: paid ? 1 : 3,
    attempted: true,
    next_payment_attempt: paid ? undefined : T0 + 86400,
    customer_email: 'ada@example.com',
    customer_name: 'Zoë Ångström',
    discounts: [],
    total_discount_amounts: [],
    default_payment_method_id: ctx.method,
    status_transitions: paid ? { finalized_at: T0 - 60, paid_at: T0 } : { finalized_at: T0 - 60 },
    metadata: { sku: 'PRO-M' },
    created_at: iso(T0 - 60, 300),
    updated_at: iso(T0, 700),
  };
}

function refund(ctx, type) {
  return {
    id: ctx.id('re'),
    livemode: true,
    description: 'Refund for duplicate charge',
    amount: amount(ctx, 50),
    payment_details: { arcblock: { tx_hash: ctx.hex(64), payer: ctx.did, type: 'transfer' } },
    currency_id: ctx.currency,
    customer_id: ctx.customer,
    payment_intent_id: ctx.id('pi'),
    payment_method_id: ctx.method,
    invoice_id: ctx.id('in'),
    metadata: { ticket: 'SUP-4411' },
    status: type === 'refund.canceled' ? 'canceled' : 'succeeded',
    reason: 'duplicate',
    attempt_count: 1,
    attempted: true,
    last_attempt_error: null,
    starting_balance: '0',
    ending_balance: '0',
    created_at: iso(T0 - 3600, 1),
    updated_at: iso(T0, 2),
    type: 'refund',
  };
}

function creditGrant(ctx) {
  return {
    id: ctx.id('cg'),
    livemode: true,
    amount: amount(ctx),
    remaining_amount: amount(ctx),
    currency_id: ctx.currency,
    customer_id: ctx.customer,
    category: 'promotional',
    priority: 50,
    status: 'granted',
    effective_at: T0,
    expires_at: T0 + 365 * 86400,
    metadata: {},
    created_at: iso(T0, 0),
    updated_at: iso(T0, 0),
  };
}

function dataObject(ctx, type, objectType) {
  switch (objectType) {
    case 'Subscription': return subscription(ctx, type);
    case 'CheckoutSession': return checkoutSession(ctx, type);
    case 'PaymentIntent': return paymentIntent(ctx, type);
    case 'Invoice': return invoice(ctx, type);
    case 'Refund': return refund(ctx, type);
    default: return creditGrant(ctx);
  }
}

/** A webhook body: a Payment Kit Event row as JSON (event.d.ts). */
function makeEvent(type, objectType, seed) {
  const ctx = buildContext(mulberry32(seed));
  const obj = JSON.parse(JSON.stringify(dataObject(ctx, type, objectType)));
  const prev = previousAttributes(type, obj);
  const data = { object: obj };
  if (prev) data.previous_attributes = prev;
  return {
    id: ctx.id('evt'),
    livemode: true,
    type,
    api_version: '2023-09-05',
    object_type: objectType,
    object_id: obj.id,
    data,
    request: { id: ctx.id('req'), idempotency_key: `${obj.id}-${type}`, requested_by: 'system' },
    pending_webhooks: 1,
    metadata: {},
    created_at: iso(T0, 662),
    updated_at: iso(T0, 662),
  };
}

module.exports = { mulberry32, DOCUMENTED_TYPES, EXTRA_TYPES, makeEvent, T0 };
