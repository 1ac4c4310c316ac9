#!/usr/bin/env node
// Drives a real Medusa 2.21.2 server (started by start.sh) through the
// after-sales lifecycle the Aftersales Desk connector has to understand.
//
//   node scripts/medusa/steps.mjs <step> [args]
//
// Environment: MEDUSA_URL, MEDUSA_SECRET_KEY (both written to RUN_DIR/env by
// start.sh), MEDUSA_STATE (default $MEDUSA_RUN_DIR/state.json).
//
// The Admin API is authenticated with the secret API key as the HTTP Basic
// user and an empty password (verified on 2.21.2). The Store API uses the
// publishable key created by `seed`.
//
// Every step prints exactly one JSON object on stdout. On failure it exits
// non-zero with a message on stderr naming the request and Medusa's answer.
// Plain Node ESM, no dependencies (global fetch, Node >= 18).

import { readFileSync, writeFileSync, renameSync, existsSync, mkdirSync } from "node:fs"
import { dirname, join } from "node:path"

const STEPS_IN_ORDER = [
  "seed",
  "place-orders",
  "capture",
  "fulfil",
  "ship",
  "deliver",
  "cancel",
  "partial-refund",
  "return-request",
  "return-receive",
  "refund-after-return",
  "store-returns",
  "begin-receive",
]

// Exact `fields` string accepted by GET /admin/orders on 2.21.2 (see README).
export const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "email",
  "currency_code",
  "created_at",
  "updated_at",
  "canceled_at",
  "total",
  "payment_status",
  "fulfillment_status",
  "*items",
  "*shipping_address",
  "*payment_collections",
  "*payment_collections.payments",
  "*payment_collections.payments.refunds",
  "*payment_collections.payments.captures",
  "*fulfillments",
  "*returns",
  // extras beyond the brief's list, all accepted by 2.21.2:
  "summary",
  "*credit_lines",
  "*returns.items",
  "*fulfillments.items",
  "*fulfillments.labels",
  "*payment_collections.payments.refunds.refund_reason",
].join(",")

export const RETURN_FIELDS = [
  "id",
  "order_id",
  "display_id",
  "status",
  "location_id",
  "refund_amount",
  "created_at",
  "updated_at",
  "requested_at",
  "received_at",
  "canceled_at",
  "*items",
  "*items.reason",
].join(",")

// ---------------------------------------------------------------- plumbing

function die(msg) {
  process.stderr.write(`steps.mjs: ${msg}\n`)
  process.exit(1)
}

function env(name) {
  const v = process.env[name]
  if (!v) die(`environment variable ${name} is not set (source RUN_DIR/env first)`)
  return v
}

const BASE = () => env("MEDUSA_URL").replace(/\/+$/, "")

function statePath() {
  if (process.env.MEDUSA_STATE) return process.env.MEDUSA_STATE
  if (process.env.MEDUSA_RUN_DIR) return join(process.env.MEDUSA_RUN_DIR, "state.json")
  die("set MEDUSA_STATE or MEDUSA_RUN_DIR")
}

function loadState() {
  const p = statePath()
  if (!existsSync(p)) return { steps: {}, updated_at_log: [] }
  return JSON.parse(readFileSync(p, "utf8"))
}

function saveState(state) {
  const p = statePath()
  mkdirSync(dirname(p), { recursive: true })
  const tmp = `${p}.tmp${process.pid}`
  writeFileSync(tmp, JSON.stringify(state, null, 2) + "\n")
  renameSync(tmp, p)
}

class HttpError extends Error {}

async function http(method, path, { body, store = false, state } = {}) {
  const headers = { accept: "application/json" }
  if (store) {
    headers["x-publishable-api-key"] = state.seed.publishable_key
  } else {
    headers.authorization =
      "Basic " + Buffer.from(`${env("MEDUSA_SECRET_KEY")}:`).toString("base64")
  }
  if (body !== undefined) headers["content-type"] = "application/json"
  const url = BASE() + path
  let res
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    throw new HttpError(`${method} ${path} failed: ${e.cause?.message || e.message}`)
  }
  const text = await res.text()
  if (!res.ok) {
    throw new HttpError(
      `${method} ${path}${body !== undefined ? ` body=${JSON.stringify(body)}` : ""} -> HTTP ${res.status}: ${text}`
    )
  }
  try {
    return text ? JSON.parse(text) : {}
  } catch {
    throw new HttpError(`${method} ${path} -> HTTP ${res.status}: response is not JSON: ${text.slice(0, 500)}`)
  }
}

const admin = (method, path, body) => http(method, path, { body })
const qs = (o) => new URLSearchParams(o).toString()

// Exact decimal sum of JSON numbers such as 19.99 + 0.1 (no float drift).
function decSum(values) {
  let scale = 0
  const parts = values.map((v) => {
    const s = typeof v === "string" ? v : String(v)
    if (!/^-?\d+(\.\d+)?$/.test(s)) throw new Error(`not a plain decimal: ${s}`)
    const [i, f = ""] = s.split(".")
    scale = Math.max(scale, f.length)
    return [i, f]
  })
  let total = 0n
  for (const [i, f] of parts) {
    const neg = i.startsWith("-")
    const digits = BigInt((neg ? i.slice(1) : i) + f.padEnd(scale, "0"))
    total += neg ? -digits : digits
  }
  const neg = total < 0n
  let s = (neg ? -total : total).toString().padStart(scale + 1, "0")
  if (scale > 0) s = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, "")
  return Number((neg ? "-" : "") + s)
}

function requireStep(state, step) {
  if (!state.steps[step]) die(`step "${step}" has not run yet (order: ${STEPS_IN_ORDER.join(" → ")})`)
}

async function getOrder(id, fields = ORDER_FIELDS) {
  const r = await admin("GET", `/admin/orders/${id}?${qs({ fields })}`)
  return r.order
}

function capturablePayment(order, role) {
  const payments = (order.payment_collections || []).flatMap((pc) => pc.payments || [])
  const p = payments.find((x) => !x.canceled_at)
  if (!p) die(`order ${role} (${order.id}) has no live payment: ${JSON.stringify(order.payment_collections)}`)
  return p
}

// Which orders / returns moved updated_at since the previous step?
async function recordUpdatedAt(state, step) {
  if (!state.orders) return null
  const ids = Object.values(state.orders).map((o) => o.id)
  const fields =
    "id,display_id,status,payment_status,fulfillment_status,updated_at,*payment_collections,*payment_collections.payments," +
    "*payment_collections.payments.captures,*payment_collections.payments.refunds,*fulfillments"
  const r = await admin(
    "GET",
    `/admin/orders?${qs({ fields, limit: "50" })}&${ids.map((i) => `id[]=${encodeURIComponent(i)}`).join("&")}`
  )
  const byId = Object.fromEntries(r.orders.map((o) => [o.id, o]))
  const rets = await admin("GET", `/admin/returns?${qs({ fields: "id,order_id,status,updated_at", limit: "50" })}`)
  const snap = { orders: {}, returns: {} }
  const statuses = {}
  for (const [role, o] of Object.entries(state.orders)) {
    const cur = byId[o.id]
    const pcs = cur.payment_collections || []
    const pays = pcs.flatMap((pc) => pc.payments || [])
    statuses[role] = { status: cur.status, payment_status: cur.payment_status, fulfillment_status: cur.fulfillment_status }
    snap.orders[role] = {
      order: cur.updated_at,
      payment_collections: pcs.map((x) => x.updated_at),
      payments: pays.map((x) => x.updated_at),
      captures: pays.flatMap((x) => (x.captures || []).map((c) => c.created_at)),
      refunds: pays.flatMap((x) => (x.refunds || []).map((c) => c.created_at)),
      fulfillments: (cur.fulfillments || []).map((x) => x.updated_at),
    }
  }
  for (const ret of rets.returns) snap.returns[ret.id] = { order_id: ret.order_id, status: ret.status, updated_at: ret.updated_at }
  const prev = state.updated_at_log.length ? state.updated_at_log[state.updated_at_log.length - 1].snapshot : null
  const changed = { orders: [], nested_only: [], returns: [] }
  for (const [role, s] of Object.entries(snap.orders)) {
    const p = prev?.orders?.[role]
    if (!p) continue
    const orderMoved = p.order !== s.order
    const nestedMoved = JSON.stringify({ ...p, order: null }) !== JSON.stringify({ ...s, order: null })
    if (orderMoved) changed.orders.push(role)
    else if (nestedMoved) changed.nested_only.push(role)
  }
  for (const [id, s] of Object.entries(snap.returns)) {
    const p = prev?.returns?.[id]
    if (!p || p.updated_at !== s.updated_at) changed.returns.push(id)
  }
  for (const ret of rets.returns) statuses[`return ${ret.id}`] = { status: ret.status }
  const entry = { step, at: new Date().toISOString(), changed: prev ? changed : null, statuses, snapshot: snap }
  state.updated_at_log.push(entry)
  return entry.changed
}

// ------------------------------------------------------------------- steps

async function seed(state) {
  const out = {}
  const tag = "Aftersales Harness"

  // Region: EUR, Germany, the system payment provider enabled.
  const region = (
    await admin("POST", "/admin/regions", {
      name: `${tag} EU`,
      currency_code: "eur",
      countries: ["de"],
      payment_providers: ["pp_system_default"],
      automatic_taxes: true,
    })
  ).region
  out.region_id = region.id

  const sc = (await admin("POST", "/admin/sales-channels", { name: `${tag} Web`, description: "test shop" }))
    .sales_channel
  out.sales_channel_id = sc.id

  const pk = (await admin("POST", "/admin/api-keys", { title: `${tag} storefront`, type: "publishable" })).api_key
  await admin("POST", `/admin/api-keys/${pk.id}/sales-channels`, { add: [sc.id] })
  out.publishable_key_id = pk.id
  out.publishable_key = pk.token

  // Stock location with manual fulfillment, a shipping fulfillment set and a DE service zone.
  const loc = (
    await admin("POST", "/admin/stock-locations", {
      name: `${tag} Warehouse`,
      address: { address_1: "Lagerstraße 1", city: "Berlin", postal_code: "10115", country_code: "de" },
    })
  ).stock_location
  out.stock_location_id = loc.id
  await admin("POST", `/admin/stock-locations/${loc.id}/sales-channels`, { add: [sc.id] })
  await admin("POST", `/admin/stock-locations/${loc.id}/fulfillment-providers`, { add: ["manual_manual"] })
  const withSet = (
    await admin("POST", `/admin/stock-locations/${loc.id}/fulfillment-sets?fields=*fulfillment_sets`, {
      name: `${tag} shipping`,
      type: "shipping",
    })
  ).stock_location
  const fset = withSet.fulfillment_sets.find((f) => f.type === "shipping")
  out.fulfillment_set_id = fset.id
  const withZone = (
    await admin("POST", `/admin/fulfillment-sets/${fset.id}/service-zones?fields=*service_zones`, {
      name: `${tag} DE`,
      geo_zones: [{ type: "country", country_code: "de" }],
    })
  ).fulfillment_set
  const zone = withZone.service_zones[0]
  out.service_zone_id = zone.id

  const profiles = (await admin("GET", `/admin/shipping-profiles?${qs({ type: "default" })}`)).shipping_profiles
  const profile =
    profiles[0] ||
    (await admin("POST", "/admin/shipping-profiles", { name: `${tag} default`, type: "default" })).shipping_profile
  out.shipping_profile_id = profile.id

  const so = (
    await admin("POST", "/admin/shipping-options", {
      name: "Standard shipping",
      service_zone_id: zone.id,
      shipping_profile_id: profile.id,
      provider_id: "manual_manual",
      price_type: "flat",
      data: {},
      type: { label: "Standard", description: "2-3 days", code: "standard" },
      prices: [
        { currency_code: "eur", amount: 4.9 },
        { region_id: region.id, amount: 4.9 },
      ],
      rules: [
        { attribute: "enabled_in_store", operator: "eq", value: "true" },
        { attribute: "is_return", operator: "eq", value: "false" },
      ],
    })
  ).shipping_option
  out.shipping_option_id = so.id

  // Product "Kettle": prices chosen to catch float/minor-unit conversion bugs.
  const variants = [
    { title: "Kettle 1.7l", sku: "KETTLE-STD", model: "Standard", price: 19.99 },
    { title: "Descaler tablet", sku: "KETTLE-DESC", model: "Descaler", price: 0.1 },
    { title: "Kettle Deluxe", sku: "KETTLE-DLX", model: "Deluxe", price: 1234.56 },
  ]
  const product = (
    await admin("POST", "/admin/products?fields=id,title,*variants", {
      title: "Kettle",
      handle: `kettle-${Date.now()}`,
      status: "published",
      shipping_profile_id: profile.id,
      sales_channels: [{ id: sc.id }],
      options: [{ title: "Model", values: variants.map((v) => v.model) }],
      variants: variants.map((v) => ({
        title: v.title,
        sku: v.sku,
        manage_inventory: true,
        options: { Model: v.model },
        prices: [{ currency_code: "eur", amount: v.price }],
      })),
    })
  ).product
  out.product_id = product.id
  out.variants = {}
  for (const v of variants) {
    const pv = product.variants.find((x) => x.sku === v.sku)
    out.variants[v.sku] = { id: pv.id, price: v.price }
  }

  // Stock every variant's inventory item at the warehouse.
  const inv = (
    await admin(
      "GET",
      `/admin/inventory-items?${qs({ fields: "id,sku", limit: "50" })}&${variants
        .map((v) => `sku[]=${encodeURIComponent(v.sku)}`)
        .join("&")}`
    )
  ).inventory_items
  if (inv.length !== variants.length) die(`expected ${variants.length} inventory items, got ${JSON.stringify(inv)}`)
  await admin("POST", "/admin/inventory-items/location-levels/batch", {
    create: inv.map((i) => ({ inventory_item_id: i.id, location_id: loc.id, stocked_quantity: 1000 })),
  })
  for (const i of inv) out.variants[i.sku].inventory_item_id = i.id

  state.seed = out
  return out
}

const ORDER_PLAN = {
  A: { email: "anna.a@example.com", first: "Anna", items: [["KETTLE-STD", 2], ["KETTLE-DESC", 3]] },
  B: { email: "bernd.b@example.com", first: "Bernd", items: [["KETTLE-DLX", 1]] },
  C: {
    email: "clara.c@example.com",
    first: "Clara",
    items: [["KETTLE-STD", 2], ["KETTLE-DESC", 5], ["KETTLE-DLX", 1]],
  },
  D: { email: "dieter.d@example.com", first: "Dieter", items: [["KETTLE-DESC", 1]] },
}

async function placeOrders(state) {
  requireStep(state, "seed")
  const s = state.seed
  const store = (method, path, body) => http(method, path, { body, store: true, state })
  state.orders = state.orders || {}
  for (const [role, plan] of Object.entries(ORDER_PLAN)) {
    if (state.orders[role]) continue
    const address = {
      first_name: plan.first,
      last_name: `Role${role}`,
      phone: `+49 30 1234567${role.charCodeAt(0) - 64}`,
      address_1: `Teststraße ${role.charCodeAt(0) - 60}`,
      city: "Berlin",
      postal_code: "10117",
      country_code: "de",
    }
    const cart = (
      await store("POST", "/store/carts", {
        region_id: s.region_id,
        sales_channel_id: s.sales_channel_id,
        email: plan.email,
        shipping_address: address,
        billing_address: address,
        items: plan.items.map(([sku, quantity]) => ({ variant_id: s.variants[sku].id, quantity })),
      })
    ).cart
    const opts = (await store("GET", `/store/shipping-options?${qs({ cart_id: cart.id })}`)).shipping_options
    const opt = opts.find((o) => o.id === s.shipping_option_id)
    if (!opt) die(`shipping option ${s.shipping_option_id} not offered for cart ${cart.id}: ${JSON.stringify(opts)}`)
    await store("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: opt.id })
    const pc = (await store("POST", "/store/payment-collections", { cart_id: cart.id })).payment_collection
    await store("POST", `/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_system_default" })
    const done = await store("POST", `/store/carts/${cart.id}/complete`)
    if (done.type !== "order") die(`completing cart ${cart.id} did not give an order: ${JSON.stringify(done)}`)
    state.orders[role] = { id: done.order.id, display_id: done.order.display_id, cart_id: cart.id }
    saveState(state) // keep partial progress
  }
  return {
    roles: {
      A: "captured, fulfilled, shipped, delivered, partially refunded",
      B: "cancelled",
      C: "captured, fulfilled, shipped, delivered, return requested+received, refunded for the return",
      D: "untouched",
    },
    orders: state.orders,
  }
}

async function capture(state) {
  requireStep(state, "place-orders")
  const out = {}
  for (const role of ["A", "C"]) {
    const o = await getOrder(state.orders[role].id, "id,*payment_collections,*payment_collections.payments")
    const p = capturablePayment(o, role)
    const r = await admin("POST", `/admin/payments/${p.id}/capture`, {})
    state.orders[role].payment_id = p.id
    out[role] = { payment_id: p.id, amount: p.amount, captured_at: r.payment?.captured_at ?? null }
  }
  return out
}

async function fulfil(state) {
  requireStep(state, "capture")
  const out = {}
  for (const role of ["A", "C"]) {
    const o = await getOrder(state.orders[role].id, "id,*items,*fulfillments")
    const items = o.items.map((i) => ({ id: i.id, quantity: i.quantity }))
    await admin("POST", `/admin/orders/${o.id}/fulfillments`, {
      items,
      location_id: state.seed.stock_location_id,
    })
    const after = await getOrder(o.id, "id,*fulfillments,*fulfillments.items")
    const f = after.fulfillments.find((x) => !x.canceled_at)
    state.orders[role].fulfillment_id = f.id
    out[role] = { fulfillment_id: f.id, items }
  }
  return out
}

async function ship(state) {
  requireStep(state, "fulfil")
  const out = {}
  for (const role of ["A", "C"]) {
    const o = await getOrder(state.orders[role].id, "id,*items")
    const fid = state.orders[role].fulfillment_id
    await admin("POST", `/admin/orders/${o.id}/fulfillments/${fid}/shipments`, {
      items: o.items.map((i) => ({ id: i.id, quantity: i.quantity })),
      labels: [
        {
          tracking_number: `TRK-${role}-0001`,
          tracking_url: `https://tracking.invalid/${role}`,
          label_url: `https://labels.invalid/${role}.pdf`,
        },
      ],
    })
    out[role] = { fulfillment_id: fid, tracking_number: `TRK-${role}-0001` }
  }
  return out
}

async function deliver(state) {
  requireStep(state, "ship")
  const out = {}
  for (const role of ["A", "C"]) {
    const fid = state.orders[role].fulfillment_id
    await admin("POST", `/admin/orders/${state.orders[role].id}/fulfillments/${fid}/mark-as-delivered`, {})
    out[role] = { fulfillment_id: fid }
  }
  return out
}

async function cancel(state) {
  requireStep(state, "place-orders")
  const r = await admin("POST", `/admin/orders/${state.orders.B.id}/cancel`, {})
  return { B: { id: r.order.id, status: r.order.status } }
}

async function refundReason(state) {
  if (state.refund_reason_id) return state.refund_reason_id
  const code = "goodwill"
  const found = (await admin("GET", `/admin/refund-reasons?${qs({ q: code, limit: "50" })}`)).refund_reasons || []
  const hit = found.find((r) => r.code === code)
  const rr =
    hit ||
    (await admin("POST", "/admin/refund-reasons", {
      label: "Goodwill",
      code,
      description: "Goodwill refund by customer service",
    })).refund_reason
  state.refund_reason_id = rr.id
  return rr.id
}

async function partialRefund(state) {
  requireStep(state, "capture")
  const reason = await refundReason(state)
  const pid = state.orders.A.payment_id
  const r = await admin("POST", `/admin/payments/${pid}/refund?fields=id,amount,*refunds`, {
    amount: 5.55,
    refund_reason_id: reason,
    note: "Partial refund: scratched lid",
  })
  return { A: { payment_id: pid, refund_amount: 5.55, refunds: r.payment.refunds } }
}

async function returnReason(state) {
  if (state.return_reason_id) return state.return_reason_id
  const value = "damaged"
  const found = (await admin("GET", `/admin/return-reasons?${qs({ value, limit: "50" })}`)).return_reasons || []
  const rr =
    found[0] ||
    (await admin("POST", "/admin/return-reasons", {
      value,
      label: "Arrived damaged",
      description: "Item was damaged on arrival",
    })).return_reason
  state.return_reason_id = rr.id
  return rr.id
}

async function returnRequest(state) {
  requireStep(state, "deliver")
  const reason = await returnReason(state)
  const o = await getOrder(state.orders.C.id, "id,*items")
  const line = o.items.find((i) => i.variant_sku === "KETTLE-STD")
  if (!line) die(`order C has no KETTLE-STD line: ${JSON.stringify(o.items)}`)
  const created = await admin("POST", "/admin/returns", {
    order_id: o.id,
    location_id: state.seed.stock_location_id,
    description: "Customer reports a cracked kettle",
  })
  const ret = created.return
  await admin("POST", `/admin/returns/${ret.id}/request-items`, {
    items: [
      {
        id: line.id,
        quantity: 1,
        reason_id: reason,
        description: "Crack in the glass window",
        internal_note: "Photo received by mail",
      },
    ],
  })
  const confirmed = await admin("POST", `/admin/returns/${ret.id}/request`, {})
  state.return = { id: ret.id, item_id: line.id, unit_price: line.unit_price, quantity: 1 }
  return {
    C: {
      return_id: ret.id,
      item_id: line.id,
      reason_id: reason,
      status: confirmed.return?.status ?? null,
    },
  }
}

async function returnReceive(state) {
  requireStep(state, "return-request")
  const { id, item_id } = state.return
  await admin("POST", `/admin/returns/${id}/receive`, { description: "Parcel arrived at warehouse" })
  await admin("POST", `/admin/returns/${id}/receive-items`, {
    items: [{ id: item_id, quantity: 1, internal_note: "Crack confirmed" }],
  })
  const confirmed = await admin("POST", `/admin/returns/${id}/receive/confirm`, {})
  return { C: { return_id: id, status: confirmed.return?.status ?? null } }
}

async function refundAfterReturn(state) {
  requireStep(state, "return-receive")
  const reason = await refundReason(state)
  const pid = state.orders.C.payment_id
  const amount = state.return.unit_price * state.return.quantity
  const r = await admin("POST", `/admin/payments/${pid}/refund?fields=id,amount,*refunds`, {
    amount,
    refund_reason_id: reason,
    note: `Refund for returned item ${state.return.item_id}`,
  })
  return { C: { payment_id: pid, refund_amount: amount, refunds: r.payment.refunds } }
}

// A return shipping option (free) for returns the buyer asks for through the Store API.
async function returnShippingOption(state) {
  if (state.seed.return_shipping_option_id) return state.seed.return_shipping_option_id
  const s = state.seed
  const so = (
    await admin("POST", "/admin/shipping-options", {
      name: "Return shipping",
      service_zone_id: s.service_zone_id,
      shipping_profile_id: s.shipping_profile_id,
      provider_id: "manual_manual",
      price_type: "flat",
      data: {},
      type: { label: "Return", description: "Send it back", code: "return" },
      prices: [
        { currency_code: "eur", amount: 0 },
        { region_id: s.region_id, amount: 0 },
      ],
      rules: [
        { attribute: "enabled_in_store", operator: "eq", value: "true" },
        { attribute: "is_return", operator: "eq", value: "true" },
      ],
    })
  ).shipping_option
  state.seed.return_shipping_option_id = so.id
  return so.id
}

// The buyers ask for returns through the Store API (POST /store/returns, Medusa >= 2.8): A sends back
// 1 × KETTLE-STD (for the desk to receive and refund), C 1 × KETTLE-DESC (its return shipping is a
// fulfilment, so Medusa refuses to cancel it).
async function storeReturns(state) {
  requireStep(state, "deliver")
  const reason = await returnReason(state)
  const option = await returnShippingOption(state)
  const store = (method, path, body) => http(method, path, { body, store: true, state })
  const out = {}
  state.store_returns = state.store_returns || {}
  for (const [role, sku] of [["A", "KETTLE-STD"], ["C", "KETTLE-DESC"]]) {
    const o = await getOrder(state.orders[role].id, "id,*items")
    const line = o.items.find((i) => i.variant_sku === sku)
    if (!line) die(`order ${role} has no ${sku} line: ${JSON.stringify(o.items)}`)
    const r = (
      await store("POST", "/store/returns", {
        order_id: o.id,
        items: [{ id: line.id, quantity: 1, reason_id: reason, note: "Asked for by the buyer in the shop" }],
        return_shipping: { option_id: option },
        location_id: state.seed.stock_location_id,
      })
    ).return
    state.store_returns[role] = { id: r.id, order_id: o.id, item_id: line.id, unit_price: line.unit_price, payment_id: state.orders[role].payment_id }
    out[role] = { ...state.store_returns[role], status: r.status ?? null }
  }
  // And one the merchant opened in the admin without return shipping (so no return fulfilment to cancel
  // first): C's 1 × KETTLE-DLX, for the desk to cancel.
  const o = await getOrder(state.orders.C.id, "id,*items")
  const line = o.items.find((i) => i.variant_sku === "KETTLE-DLX")
  const ret = (await admin("POST", "/admin/returns", { order_id: o.id, location_id: state.seed.stock_location_id })).return
  await admin("POST", `/admin/returns/${ret.id}/request-items`, { items: [{ id: line.id, quantity: 1, reason_id: reason }] })
  const confirmed = await admin("POST", `/admin/returns/${ret.id}/request`, {})
  state.store_returns.C_admin = { id: ret.id, order_id: o.id, item_id: line.id, unit_price: line.unit_price }
  out.C_admin = { ...state.store_returns.C_admin, status: confirmed.return?.status ?? null }
  return out
}

// A receive begun in the Medusa admin and left there (as a crash between the desk's requests leaves it):
// POST /admin/returns/{id}/receive only, on A's store return.
async function beginReceive(state) {
  requireStep(state, "store-returns")
  const { id } = state.store_returns.A
  const r = await admin("POST", `/admin/returns/${id}/receive`, {})
  return { A: { return_id: id, status: r.return?.status ?? null } }
}

// Where a return's receive stands: the return and its order's active order changes (Medusa's own view).
async function returnView(state, id) {
  if (!id) die("usage: steps.mjs return <return id>")
  const r = (await admin("GET", `/admin/returns/${id}?${qs({ fields: RETURN_FIELDS })}`)).return
  const changes = (
    await admin("GET", `/admin/orders/${r.order_id}/changes?${qs({ fields: "id,change_type,status,return_id,*actions" })}`)
  ).order_changes
  return {
    return: r,
    active_changes: changes.filter((c) => ["pending", "requested"].includes(c.status)),
  }
}

// Medusa's own view, fetched fresh (independent of the app's client code).
async function snapshot() {
  const fields = ORDER_FIELDS
  const orders = []
  for (let offset = 0; ; offset += 50) {
    const r = await admin("GET", `/admin/orders?${qs({ fields, limit: "50", offset: String(offset), order: "display_id" })}`)
    orders.push(...r.orders)
    if (offset + 50 >= r.count) break
  }
  const rets = []
  for (let offset = 0; ; offset += 50) {
    const r = await admin("GET", `/admin/returns?${qs({ fields: RETURN_FIELDS, limit: "50", offset: String(offset) })}`)
    rets.push(...r.returns)
    if (offset + 50 >= r.count) break
  }
  const out = orders
    .map((o) => {
      const pcs = o.payment_collections || []
      const payments = pcs.flatMap((pc) => pc.payments || [])
      const refunds = payments.flatMap((p) => p.refunds || [])
      const captures = payments.flatMap((p) => p.captures || [])
      return {
        id: o.id,
        display_id: o.display_id,
        status: o.status,
        payment_status: o.payment_status,
        fulfillment_status: o.fulfillment_status,
        currency_code: o.currency_code,
        email: o.email,
        total: o.total,
        original_total: o.summary?.original_order_total ?? null,
        paid_total: o.summary?.paid_total ?? null,
        pending_difference: o.summary?.pending_difference ?? null,
        credit_line_total: decSum((o.credit_lines || []).map((c) => c.amount)),
        refunded_total: decSum(refunds.map((r) => r.amount)),
        captured_total: decSum(captures.map((c) => c.amount)),
        refunds: refunds.map((r) => ({ id: r.id, amount: r.amount, note: r.note ?? null, refund_reason_id: r.refund_reason_id ?? null })),
        canceled_at: o.canceled_at ?? null,
        items: (o.items || [])
          .map((i) => ({ id: i.id, variant_sku: i.variant_sku, quantity: i.quantity, unit_price: i.unit_price }))
          .sort((a, b) => (a.variant_sku < b.variant_sku ? -1 : a.variant_sku > b.variant_sku ? 1 : 0)),
        returns: rets
          .filter((r) => r.order_id === o.id)
          .map((r) => ({
            id: r.id,
            status: r.status,
            refund_amount: r.refund_amount ?? null,
            requested_at: r.requested_at ?? null,
            received_at: r.received_at ?? null,
            updated_at: r.updated_at,
            items: (r.items || []).map((it) => ({
              item_id: it.item_id,
              quantity: it.quantity,
              received_quantity: it.received_quantity,
              reason_id: it.reason_id ?? null,
              reason_code: it.reason?.value ?? null,
              reason_label: it.reason?.label ?? null,
              note: it.note ?? null,
            })),
          })),
        created_at: o.created_at,
        updated_at: o.updated_at,
      }
    })
    .sort((a, b) => a.display_id - b.display_id)
  return { orders: out }
}

// Raw Admin API bodies for the connector author (tests/fixtures/medusa).
async function recordFixtures(state, dir) {
  if (!dir) die("usage: steps.mjs record-fixtures <dir>")
  mkdirSync(dir, { recursive: true })
  const base = { limit: "50", offset: "0", order: "updated_at", fields: ORDER_FIELDS }
  const all = await admin("GET", `/admin/orders?${qs(base)}`)
  writeFileSync(join(dir, "orders.json"), JSON.stringify(all, null, 2) + "\n")
  // Incremental form: everything touched since just before the partial refund.
  const log = state.updated_at_log || []
  const since = (log.find((e) => e.step === "cancel") || log[log.length - 1])?.at || new Date(0).toISOString()
  const inc = await admin("GET", `/admin/orders?${qs({ ...base, "updated_at[$gte]": since })}`)
  writeFileSync(
    join(dir, "orders_updated_since.json"),
    JSON.stringify({ request: `GET /admin/orders?${qs({ ...base, "updated_at[$gte]": since })}`, response: inc }, null, 2) + "\n"
  )
  const rets = await admin("GET", `/admin/returns?${qs({ fields: RETURN_FIELDS, limit: "50", offset: "0" })}`)
  writeFileSync(join(dir, "returns.json"), JSON.stringify(rets, null, 2) + "\n")
  writeFileSync(
    join(dir, "updated_at_log.json"),
    JSON.stringify(
      {
        roles: Object.fromEntries(Object.entries(state.orders || {}).map(([k, v]) => [k, v.id])),
        log: log.map((e) => ({ step: e.step, at: e.at, changed: e.changed, statuses: e.statuses, snapshot: e.snapshot })),
      },
      null,
      2
    ) + "\n"
  )
  return {
    dir,
    files: ["orders.json", "orders_updated_since.json", "returns.json", "updated_at_log.json"],
    orders: all.count,
    orders_updated_since: { since, count: inc.count },
    returns: rets.count,
  }
}

// ------------------------------------------------------------------- main

const MUTATING = {
  seed,
  "place-orders": placeOrders,
  capture,
  fulfil,
  ship,
  deliver,
  cancel,
  "partial-refund": partialRefund,
  "return-request": returnRequest,
  "return-receive": returnReceive,
  "refund-after-return": refundAfterReturn,
  "store-returns": storeReturns,
  "begin-receive": beginReceive,
}

async function main() {
  const [step, ...args] = process.argv.slice(2)
  if (!step || step === "-h" || step === "--help") {
    process.stderr.write(
      `usage: steps.mjs <step>\n  steps: ${STEPS_IN_ORDER.join(", ")}\n  also: all, snapshot, state, updated-at-log, record-fixtures <dir>, return <id>\n`
    )
    process.exit(step ? 0 : 2)
  }
  const state = loadState()
  if (step === "snapshot") return snapshot()
  if (step === "state") return state
  if (step === "updated-at-log")
    return { log: state.updated_at_log.map(({ step, at, changed, statuses }) => ({ step, at, changed, statuses })) }
  if (step === "record-fixtures") return recordFixtures(state, args[0])
  if (step === "return") return returnView(state, args[0])
  if (step === "all") {
    const out = {}
    for (const s of STEPS_IN_ORDER) out[s] = await runStep(state, s)
    return out
  }
  if (!MUTATING[step]) die(`unknown step "${step}"`)
  return runStep(state, step)
}

async function runStep(state, step) {
  if (state.steps[step]) {
    // Already done: report what it did instead of doing it twice.
    return { ...state.steps[step].result, already_done: true }
  }
  const result = await MUTATING[step](state)
  state.steps[step] = { at: new Date().toISOString(), result }
  saveState(state)
  const changed = await recordUpdatedAt(state, step)
  saveState(state)
  return changed ? { ...result, updated_at_changed: changed } : result
}

main().then(
  (out) => {
    process.stdout.write(JSON.stringify(out, null, 2) + "\n")
  },
  (e) => {
    die(e instanceof HttpError ? e.message : e.stack || String(e))
  }
)
