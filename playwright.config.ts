import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";
import { ADMIN_ENV, ADMIN_STATE } from "./e2e/support/auth";
import { leftOut } from "./lib/test/backend-free";
import { onServerBackends, serverBackendsEnv } from "./lib/test/backends";
import { dataDirFor, serverCommand } from "./e2e/support/entry";
import { backendName } from "./e2e/support/server";
import { APP_PORT, LIVE_APP_PORT, LIVE_APP_SIM_PORT, LIVE_SIM_PORT, SIM_PORT } from "./e2e/support/ports";

const CI = !!process.env.CI;
export const SENTINEL_KEY = "ws-sentinel-7f3a9c1e5b2d4086a1f0";

/** A fresh production server (README's start command): its DATA_DIR, and in the PostgreSQL + S3 pass its database and bucket, emptied first. */
const start = (port: number, dataDir: string) =>
  `rm -rf ${dataDir} && ${onServerBackends() ? `node_modules/.bin/tsx scripts/fresh-backends.ts ${backendName(dataDir)} && ` : ""}${serverCommand(port)}`;
const backendsFor = (dataDir: string) => serverBackendsEnv(backendName(dataDir));
const fastPolling = { POLL_MIN_MS: "400", POLL_MAX_MS: "1500", POLL_EXPECT_MS: "1000", NEXT_TELEMETRY_DISABLED: "1", ...ADMIN_ENV };

export default defineConfig({
  testDir: "e2e",
  // The PostgreSQL + S3 pass leaves out specs marked `// backend-free:` (docs/testing.md).
  testIgnore: leftOut("e2e").map((file) => new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`)),
  globalSetup: "./e2e/support/global-setup.ts",
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
    // "Copy link" writes the share link to the clipboard; tests read it back.
    permissions: ["clipboard-read", "clipboard-write"],
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { browserName: "chromium", viewport: { width: 1400, height: 1000 }, storageState: ADMIN_STATE },
    },
  ],
  webServer: [
    {
      // Simulator mode: no key, the built-in simulator on SIM_PORT.
      command: start(APP_PORT, "data/e2e-sim"),
      url: `http://127.0.0.1:${APP_PORT}/api/health`,
      env: {
        ...fastPolling,
        WAVESPEED_API_KEY: "",
        DATA_DIR: dataDirFor("data/e2e-sim"),
        ...backendsFor("data/e2e-sim"),
        SIMULATOR_PORT: String(SIM_PORT),
        SIMULATOR_DELAY_MS: "5000",
      },
      reuseExistingServer: !CI,
      stdout: "pipe",
    },
    {
      // A stand-in for the real API that only accepts the sentinel key.
      command: "node_modules/.bin/tsx scripts/simulator.ts",
      url: `http://127.0.0.1:${LIVE_SIM_PORT}/__sim/stats`,
      env: { SIM_PORT: String(LIVE_SIM_PORT), SIM_API_KEY: SENTINEL_KEY, SIM_DELAY_MS: "2000", SIM_DATA_DIR: "data/e2e-live-sim" },
      reuseExistingServer: !CI,
    },
    {
      // Live mode: a real key (the sentinel) sent to WAVESPEED_BASE_URL through the same client code.
      command: start(LIVE_APP_PORT, "data/e2e-live"),
      url: `http://127.0.0.1:${LIVE_APP_PORT}/api/health`,
      env: {
        ...fastPolling,
        WAVESPEED_API_KEY: SENTINEL_KEY,
        WAVESPEED_BASE_URL: `http://127.0.0.1:${LIVE_SIM_PORT}`,
        DATA_DIR: dataDirFor("data/e2e-live"),
        ...backendsFor("data/e2e-live"),
        SIMULATOR_PORT: String(LIVE_APP_SIM_PORT),
      },
      reuseExistingServer: !CI,
    },
  ],
});
