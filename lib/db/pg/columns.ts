import { bigint, customType } from "drizzle-orm/pg-core";

// Times: epoch milliseconds as bigint, read as numbers (so both dialects infer the same row types).
export const ms = (name: string) => bigint(name, { mode: "number" });
// jsonb, read as node-postgres hands it over (already parsed). Drizzle's own jsonb parses a string value a
// second time, so the string "8E1234567890" came back as the number Infinity (a setup code, once in ~300).
export const jsonb = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
});
