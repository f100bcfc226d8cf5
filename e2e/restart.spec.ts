import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";

const PORT = 3220;
const DATA_DIR = "data/e2e-restart";
const base = `http://127.0.0.1:${PORT}`;

async function startServer(): Promise<ChildProcess> {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
    env: {
      ...process.env,
      WAVESPEED_API_KEY: "",
      DATA_DIR,
      SIMULATOR_PORT: "3221",
      SIMULATOR_DELAY_MS: "6000",
      POLL_MIN_MS: "400",
      POLL_MAX_MS: "1500",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("server did not start");
}

function crash(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

test("a server killed mid-job resumes it on restart and the video still plays", async ({ page }) => {
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  let server = await startServer();
  try {
    const app = new Playground(page);
    await app.goto(base);
    await app.setStartImage(landscape);
    await app.duration.fill("2");
    await app.prompt.fill("A crash test: the camera drifts left");
    await app.generate.click();
    const card = app.card("A crash test");
    await expect(card.getByTestId("job-status")).toHaveText(/Submitted|Processing/);

    await crash(server);
    server = await startServer();

    await page.reload();
    await expect(app.cards()).toHaveCount(1);
    await expect(card.getByTestId("job-status")).toHaveText(/Completed in/, { timeout: 30_000 });
    await expect(card.locator("video")).toHaveAttribute("src", /^\/media\/videos\//);
    await card.locator("video").evaluate((v: HTMLVideoElement) => v.play());
    await expect.poll(() => card.locator("video").evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
    expect(Math.abs((await card.locator("video").evaluate((v: HTMLVideoElement) => v.duration)) - 2)).toBeLessThanOrEqual(0.5);
  } finally {
    await crash(server);
  }
});
