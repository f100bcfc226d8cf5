import { expect, test } from "@playwright/test";
import { landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";
import { ADMIN_ENV, signIn } from "./support/auth";
import { RESTART_PORT, RESTART_SIM_PORT } from "./support/ports";
import { freshData, startServer, stopServer } from "./support/server";

const PORT = RESTART_PORT;
const DATA_DIR = "data/e2e-restart";
const base = `http://127.0.0.1:${PORT}`;

const start = () => startServer(PORT, { ...ADMIN_ENV, DATA_DIR, SIMULATOR_PORT: String(RESTART_SIM_PORT), SIMULATOR_DELAY_MS: "6000" });

test("a server killed mid-job resumes it on restart and the video still plays", async ({ page }) => {
  await freshData(DATA_DIR);
  let server = await start();
  try {
    const app = new Playground(page);
    await signIn(page.request, base);
    await app.goto(base);
    await app.setStartImage(landscape);
    await app.duration.fill("2");
    await app.prompt.fill("A crash test: the camera drifts left");
    await app.generate.click();
    const card = app.card("A crash test");
    await expect(card.getByTestId("job-status")).toHaveText(/Submitted|Processing/);

    await stopServer(server);
    server = await start();

    await page.reload();
    await expect(app.cards()).toHaveCount(1);
    await expect(card.getByTestId("job-status")).toHaveText(/Completed in/, { timeout: 30_000 });
    await app.saved(card);
    await app.open(card);
    const video = app.viewer.locator("video");
    await expect(video).toHaveAttribute("src", /^\/media\/videos\//);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
    expect(Math.abs((await video.evaluate((v: HTMLVideoElement) => v.duration)) - 2)).toBeLessThanOrEqual(0.5);
  } finally {
    await stopServer(server);
  }
});
