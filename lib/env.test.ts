// backend-free: pure functions, no database or object store
import { expect, test } from "vitest";
import { parseEnv } from "./env";

test("no key means simulator mode on the simulator port", () => {
  const e = parseEnv({ SIMULATOR_PORT: "3999", WAVESPEED_API_KEY: "" });
  expect(e.mode).toBe("simulator");
  expect(e.baseUrl).toBe("http://127.0.0.1:3999");
});

test("a key means live mode against the configured base URL", () => {
  const e = parseEnv({ WAVESPEED_API_KEY: "ws_live_12345678", WAVESPEED_BASE_URL: "https://api.example.test/" });
  expect(e.mode).toBe("live");
  expect(e.baseUrl).toBe("https://api.example.test");
  expect(e.apiKey).toBe("ws_live_12345678");
});

test.each([
  [{ PORT: "http" }, "PORT"],
  [{ WAVESPEED_BASE_URL: "ftp://x" }, "WAVESPEED_BASE_URL"],
  [{ POLL_MIN_MS: "5000", POLL_MAX_MS: "1000" }, "POLL_MAX_MS"],
  [{ DATABASE_URL: "mysql://db/keyframe" }, "DATABASE_URL"],
  [{ S3_BUCKET: "Not_A_Bucket" }, "S3_BUCKET"],
  [{ S3_BUCKET: "media", S3_ACCESS_KEY_ID: "key-only" }, "S3_SECRET_ACCESS_KEY"],
  [{ S3_ENDPOINT: "http://minio:9000" }, "S3_BUCKET"],
  [{ S3_BUCKET: "media", S3_FORCE_PATH_STYLE: "maybe" }, "S3_FORCE_PATH_STYLE"],
  [{ TRUST_PROXY: "-1" }, "TRUST_PROXY"],
  [{ INSTANCE_ID: "has spaces" }, "INSTANCE_ID"],
])("a bad %j stops start-up naming %s", (source, name) => {
  expect(() => parseEnv(source)).toThrow(new RegExp(`${name}: `));
});

test("PostgreSQL and a bucket by settings; each instance gets a name", () => {
  const e = parseEnv({
    DATABASE_URL: "postgres://kf:pw@db:5432/keyframe",
    S3_BUCKET: "keyframe-media",
    S3_ENDPOINT: "http://minio:9000",
    S3_ACCESS_KEY_ID: "id",
    S3_SECRET_ACCESS_KEY: "secret",
    S3_FORCE_PATH_STYLE: "true",
  });
  expect(e.DATABASE_URL).toBe("postgres://kf:pw@db:5432/keyframe");
  expect(e.S3_FORCE_PATH_STYLE).toBe(true);
  expect(e.instanceId).toMatch(/.+:\d+$/);
  expect(parseEnv({ INSTANCE_ID: "web-1" }).instanceId).toBe("web-1");
});
