import { defineConfig } from "drizzle-kit";

// The embedded database. PostgreSQL has its own: drizzle.pg.config.ts (npm run db:generate makes both).
export default defineConfig({
  dialect: "sqlite",
  schema: ["./lib/db/sqlite/schema.ts", "./lib/db/sqlite/auth-schema.ts"],
  out: "./drizzle/sqlite",
});
