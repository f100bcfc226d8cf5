import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { jobForm } from "../lib/test/job-form";
import { signIn } from "./support/auth";
import { expectNoAxeViolations, expectNoSidewaysScroll } from "./support/axe";
import { ADMIN_ENV } from "./support/auth";
import { KEY_PORT, KEY_SIM_PORT } from "./support/ports";
import { freshData, startServer, stopServer } from "./support/server";

/** A server whose WaveSpeed key is refused (a real 401 from a simulator that knows another key), then put right. */
test.setTimeout(150_000);
const SIM_KEY = "key-refused-sim-key-0123456789";
const DATA_DIR = "data/e2e-key-refused";
const base = `http://127.0.0.1:${KEY_PORT}`;
const SIM = `http://127.0.0.1:${KEY_SIM_PORT}`;
type Stats = { submitRequests: number; uploads: { tickets: number } };
const stats = async () => (await (await fetch(`${SIM}/__sim/stats`)).json()) as Stats;
const NOTICE =
  /^WaveSpeed refused the API key \(401: Unauthorized: invalid API key\)\. Check WAVESPEED_API_KEY .*polling resumes by itself once WaveSpeed accepts it\.$/;

let sim: ChildProcess | undefined;
let server: ChildProcess | undefined;
test.afterAll(async () => {
  if (server) await stopServer(server);
  sim?.kill("SIGKILL");
});

const start = (key: string) =>
  startServer(KEY_PORT, { ...ADMIN_ENV, DATA_DIR, WAVESPEED_API_KEY: key, WAVESPEED_BASE_URL: SIM, POLL_EXPECT_MS: "2000" });

test("a refused key: admins see why on every page, nothing is sent, and the job goes through once the key is right", async ({ page }) => {
  await freshData(DATA_DIR);
  sim = spawn(process.execPath, ["--import", "tsx", "scripts/simulator.ts"], {
    env: {
      ...process.env,
      SIM_PORT: String(KEY_SIM_PORT),
      SIM_API_KEY: SIM_KEY,
      SIM_DELAY_MS: "2000",
      SIM_RENDER: "0",
      SIM_DATA_DIR: `${DATA_DIR}-sim`,
    },
    stdio: "ignore",
  });
  await expect
    .poll(
      () =>
        fetch(`${SIM}/__sim/stats`).then(
          (r) => r.ok,
          () => false,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
  server = await start("a-key-wavespeed-does-not-know-0123");
  await signIn(page.request, base);
  const res = await page.request.post(`${base}/api/jobs`, { multipart: jobForm({ prompt: "Sent with a refused key" }) });
  expect(res.status()).toBe(201);

  for (const size of [
    { width: 1400, height: 1000 },
    { width: 390, height: 844 },
  ]) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await page.goto(`${base}/storyboards`);
      await expect(page.getByRole("alert").filter({ hasText: "WaveSpeed refused the API key" })).toHaveText(NOTICE, { timeout: 30_000 });
      await expectNoAxeViolations(page, `key refused ${size.width} ${scheme}`);
      if (size.width < 500) await expectNoSidewaysScroll(page, `key refused ${scheme}`);
    }
  }
  // Refused at the image's upload: no submit was made, and the job waits in the queue.
  expect((await stats()).submitRequests).toBe(0);
  await page.goto(base);
  await expect(page.getByText("Sent with a refused key").first()).toBeVisible();
  await expect(page.getByTestId("job-status").first()).toHaveText(/Queued/);

  // The key put right (a restart with the right one): the first balance check lifts the refusal.
  await stopServer(server, "SIGTERM");
  server = await start(SIM_KEY);
  await page.goto(base);
  await expect(page.getByTestId("job-status").first()).toHaveText(/Completed in/, { timeout: 60_000 });
  await expect(page.getByRole("alert").filter({ hasText: "WaveSpeed refused the API key" })).toHaveCount(0);
  expect((await stats()).submitRequests).toBe(1);
});
