import "server-only";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

/** The key the built-in simulator accepts when no real key is configured. Not a secret. */
export const SIMULATOR_KEY = "keyframe-simulator";

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` });

const flag = (name: string) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no"], { error: `must be true or false` })
    .transform((v) => v === "true" || v === "1" || v === "yes")
    .describe(name);

const schema = z
  .object({
    WAVESPEED_API_KEY: z.string().trim().min(8, "must be a WaveSpeed API key").optional(),
    WAVESPEED_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("https://api.wavespeed.ai"),
    WAVESPEED_TIMEOUT_MS: int(1000, 600_000).default(30_000),
    WAVESPEED_SUBMIT_TIMEOUT_MS: int(1000, 3_600_000).default(600_000),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: "must be a PostgreSQL URL, e.g. postgres://user:password@host:5432/keyframe" })
      .optional(),
    DATABASE_POOL_SIZE: int(1, 200).default(10),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3-63 lowercase letters, digits, dots, hyphens)")
      .optional(),
    S3_ENDPOINT: z
      .url({ protocol: /^https?$/, error: "must be the http(s) address of the S3 API, e.g. https://s3.example.com" })
      .optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: flag("S3_FORCE_PATH_STYLE").optional(),
    INSTANCE_ID: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,64}$/, "must be 1-64 letters, digits, dots, dashes, colons or underscores")
      .optional(),
    TRUST_PROXY: int(0, 10).default(0),
    SHUTDOWN_TIMEOUT_MS: int(1000, 600_000).default(25_000),
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: "must be the http(s) address people open Keyframe at, e.g. https://keyframe.example.com" })
      .optional(),
    COPY_TIMEOUT_MS: int(1000, 3_600_000).default(120_000),
    WEBHOOK_URL: z
      .url({
        protocol: /^https?$/,
        error: "must be the http(s) address WaveSpeed can reach Keyframe at, e.g. https://keyframe.example.com",
      })
      .optional(),
    WEBHOOK_SECRET: z.string().min(8, "must be the webhook secret from WaveSpeed (whsec_…)").optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
    ADMIN_EMAIL: z.email("must be an email address").optional(),
    ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
    PORT: int(1, 65_535).default(3000),
    POLL_MIN_MS: int(100, 600_000).default(2000),
    POLL_MAX_MS: int(100, 3_600_000).default(10_000),
    POLL_EXPECT_MS: int(100, 3_600_000).optional(),
    SUBMIT_CONCURRENCY: int(1, 32).default(2),
    // A submit whose answer was lost: after this long, no task in WaveSpeed's history means none was made.
    SETTLE_AFTER_MS: int(1000, 86_400_000).default(180_000),
    SIMULATOR_PORT: int(1, 65_535).default(3100),
    SIMULATOR_DELAY_MS: int(0, 600_000).default(4000),
    // Checked by the simulator when it starts (lib/server/boot.ts): only simulator mode reads it.
    SIMULATOR_FAULTS: z.string().optional(),
  })
  .refine((e) => e.POLL_MIN_MS <= e.POLL_MAX_MS, {
    path: ["POLL_MAX_MS"],
    message: "must be at least POLL_MIN_MS",
  })
  .refine((e) => (e.S3_ACCESS_KEY_ID === undefined) === (e.S3_SECRET_ACCESS_KEY === undefined), {
    path: ["S3_SECRET_ACCESS_KEY"],
    message: "must be set together with S3_ACCESS_KEY_ID (or leave both unset to use the default AWS credentials)",
  })
  .refine((e) => e.S3_BUCKET !== undefined || (e.S3_ENDPOINT ?? e.S3_ACCESS_KEY_ID) === undefined, {
    path: ["S3_BUCKET"],
    message: "must be set when other S3_ settings are (it turns S3 storage on)",
  });

export type Env = z.infer<typeof schema> & {
  mode: "live" | "simulator";
  apiKey: string;
  baseUrl: string;
  dataDir: string;
  publicUrl: string | undefined;
  /** This process among several sharing one database: INSTANCE_ID, else host name and pid. */
  instanceId: string;
  /** Where WaveSpeed posts finished tasks, when Keyframe knows an address it can be reached at. */
  webhookUrl: string | undefined;
};

/** Every setting Keyframe reads (the README's table and .env.example list each). */
export const SETTING_NAMES = Object.keys(schema.shape);

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty line in .env (`KEY=`) means "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const e = result.data;
  const live = e.WAVESPEED_API_KEY !== undefined;
  return {
    ...e,
    mode: live ? "live" : "simulator",
    apiKey: e.WAVESPEED_API_KEY ?? SIMULATOR_KEY,
    baseUrl: (live ? e.WAVESPEED_BASE_URL : `http://127.0.0.1:${e.SIMULATOR_PORT}`).replace(/\/+$/, ""),
    dataDir: path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    instanceId: e.INSTANCE_ID ?? `${os.hostname()}:${process.pid}`,
    webhookUrl: (() => {
      const base = (e.WEBHOOK_URL ?? e.PUBLIC_URL)?.replace(/\/+$/, "");
      return base ? `${base}/api/webhooks/wavespeed` : undefined;
    })(),
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
