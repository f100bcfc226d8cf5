import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: ["./lib/db/pg/schema.ts", "./lib/db/pg/auth-schema.ts"],
  out: "./drizzle/pg",
});
