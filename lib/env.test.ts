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
  [{ SIMULATOR_FAULTS: "result:explode" }, "SIMULATOR_FAULTS"],
])("a bad %j stops start-up naming %s", (source, name) => {
  expect(() => parseEnv(source)).toThrow(new RegExp(`${name}: `));
});
