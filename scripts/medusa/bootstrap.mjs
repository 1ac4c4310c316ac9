#!/usr/bin/env node
// Helpers for start.sh (plain Node ESM, no dependencies, global fetch):
//   bootstrap.mjs free-port                       -> prints a free 127.0.0.1 TCP port
//   bootstrap.mjs wait-health URL TIMEOUT_S PID    -> waits until URL/health answers 200
//   bootstrap.mjs secret-key URL EMAIL PASSWORD    -> logs in, creates a secret API key, prints its token
import { createServer } from "node:net"

const [cmd, ...args] = process.argv.slice(2)

function fail(msg) {
  process.stderr.write(`bootstrap.mjs: ${msg}\n`)
  process.exit(1)
}

function alive(pid) {
  try {
    process.kill(Number(pid), 0)
    return true
  } catch {
    return false
  }
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function waitHealth(url, timeoutS, pid) {
  const deadline = Date.now() + Number(timeoutS) * 1000
  let last = "no answer yet"
  while (Date.now() < deadline) {
    if (pid && !alive(pid)) fail(`medusa process ${pid} exited before ${url}/health answered (last: ${last})`)
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
      const body = await res.text()
      if (res.ok) return body.trim()
      last = `HTTP ${res.status} ${body.slice(0, 200)}`
    } catch (e) {
      last = e.cause?.code || e.message
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  fail(`timed out after ${timeoutS}s waiting for ${url}/health (last: ${last})`)
}

async function call(method, url, body, headers = {}) {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) fail(`${method} ${url} -> HTTP ${res.status}: ${text}`)
  return JSON.parse(text)
}

async function secretKey(url, email, password) {
  const { token } = await call("POST", `${url}/auth/user/emailpass`, { email, password })
  if (!token) fail(`POST ${url}/auth/user/emailpass returned no token`)
  const { api_key } = await call(
    "POST",
    `${url}/admin/api-keys`,
    { title: "aftersales-desk-test", type: "secret" },
    { authorization: `Bearer ${token}` }
  )
  if (!api_key?.token?.startsWith("sk_")) fail(`unexpected api key answer: ${JSON.stringify(api_key)}`)
  // Prove the key works as HTTP Basic user with an empty password.
  const res = await fetch(`${url}/admin/orders?limit=1&fields=id`, {
    headers: { authorization: "Basic " + Buffer.from(`${api_key.token}:`).toString("base64") },
  })
  if (!res.ok) fail(`secret key rejected by GET /admin/orders: HTTP ${res.status} ${await res.text()}`)
  return api_key.token
}

try {
  if (cmd === "free-port") console.log(await freePort())
  else if (cmd === "wait-health") console.log(await waitHealth(args[0], args[1] || 120, args[2]))
  else if (cmd === "secret-key") console.log(await secretKey(args[0], args[1], args[2]))
  else fail(`unknown command ${cmd ?? "(none)"}`)
} catch (e) {
  fail(e.stack || String(e))
}
