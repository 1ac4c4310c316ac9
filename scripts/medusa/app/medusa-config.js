// Medusa 2.21.2 config for the Aftersales Desk test harness.
// Everything comes from the environment (start.sh sets it); no Redis, so
// Medusa falls back to its in-memory event bus, cache, locking and
// workflow engine. The admin dashboard is disabled (no Vite build).
const { defineConfig } = require("@medusajs/framework/utils")

const required = (name) => {
  const v = process.env[name]
  if (!v) {
    throw new Error(`medusa-config.js: environment variable ${name} is required`)
  }
  return v
}

const cors = process.env.MEDUSA_CORS || "http://127.0.0.1,http://localhost"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: required("DATABASE_URL"),
    databaseDriverOptions: { connection: { ssl: false } },
    http: {
      storeCors: cors,
      adminCors: cors,
      authCors: cors,
      jwtSecret: required("JWT_SECRET"),
      cookieSecret: required("COOKIE_SECRET"),
    },
  },
  admin: {
    disable: true,
  },
})
