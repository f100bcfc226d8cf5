import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { probeImage } from "../lib/images/probe";
import { SIM_PORT } from "./support/ports";
import { ending, landscape, type FilePayload } from "./fixtures/images";
import { Playground } from "./pages/playground";

/** A DataTransfer holding one file, built inside the page (as a real drag or clipboard would deliver it). */
function dataTransfer(page: Page, file: FilePayload) {
  return page.evaluateHandle(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      return dt;
    },
    { base64: file.buffer.toString("base64"), name: file.name, type: file.mimeType },
  );
}

test("drop a file on Start image, paste one into End image, swap and clear them", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();

  const drop = page.getByRole("group", { name: "Start image drop zone" });
  await drop.dispatchEvent("drop", { dataTransfer: await dataTransfer(page, landscape) });
  await expect(page.getByTestId("image-size")).toHaveText("640 × 360 px");

  // Pasting outside any text box fills the next empty image.
  const square = { name: "square.png", mimeType: "image/png", buffer: (await import("../lib/test/png")).makePng(500, 500) };
  const clipboard = await dataTransfer(page, square);
  await page.evaluate((dt) => document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true })), clipboard);
  await expect(page.getByTestId("lastImage-size")).toHaveText("500 × 500 px");

  await page.getByRole("button", { name: "Swap with start" }).click();
  await expect(page.getByTestId("image-size")).toHaveText("500 × 500 px");
  await expect(page.getByTestId("lastImage-size")).toHaveText("640 × 360 px");
  await expect(page.getByRole("button", { name: "Use 1:1 (nearest to your image)" })).toBeVisible();

  await app.endImage.setInputFiles(ending);
  await page.getByRole("button", { name: "Clear" }).nth(1).click();
  await expect(page.getByTestId("lastImage-size")).toHaveCount(0);
  await expect(page.getByTestId("image-size")).toHaveText("500 × 500 px");
});

test("an image URL previews with its size, goes to WaveSpeed as the URL, and a fetch failure reads in plain words", async ({
  page,
  request,
  baseURL,
}) => {
  const app = new Playground(page);
  await app.goto();
  // The browser can load this one, but it is on this machine: WaveSpeed (here the simulator) may not fetch it.
  const url = `${baseURL}/screenshot.png`;
  await page.getByLabel("Start image URL").fill(url);
  await page.getByLabel("Start image URL").press("Enter");
  const size = probeImage(fs.readFileSync("public/screenshot.png"))!;
  await expect(page.getByTestId("image-size")).toHaveText(`${size.width} × ${size.height} px`);

  const tag = `url-${Date.now()}`;
  await app.prompt.fill(`A slow pan across the playground ${tag}`);
  await app.duration.fill("2");
  await app.generate.click();
  const card = app.card(tag);
  await expect(card.getByTestId("job-status")).toHaveText("Failed", { timeout: 30_000 });
  await expect(card.getByRole("alert")).toContainText("WaveSpeed could not fetch the start image from its URL (");
  await expect(card.getByRole("alert")).not.toContainText("Internal error");
  const stats = (await (await request.get(`http://127.0.0.1:${SIM_PORT}/__sim/stats`)).json()) as {
    received: { prompt: string; image: string }[];
  };
  expect(stats.received.find((r) => r.prompt.includes(tag))?.image).toBe(url);
});

test("a URL that does not load as an image blocks Generate, with the reason on the field", async ({ page, request, baseURL }) => {
  const app = new Playground(page);
  await app.goto();
  const tag = `no-load-${Date.now()}`;
  await app.prompt.fill(`A slow push-in ${tag}`);
  await page.getByLabel("Start image URL").fill(`${baseURL}/no-such-image-${tag}.png`);
  await page.getByLabel("Start image URL").press("Enter");
  await expect(app.fieldError("image")).toHaveText(/That URL did not load as an image/);
  await expect(app.generate).toBeDisabled();
  // Editing another field validates the form again; the image must still hold Generate back.
  await app.prompt.fill(`A slow push-in, then a tilt ${tag}`);
  await app.duration.fill("3");
  await expect(app.generate).toBeDisabled();
  await app.generate.click({ force: true });
  await page.keyboard.press("Enter");
  await page.waitForTimeout(500);
  const jobs = (await (await request.get("/api/jobs?limit=100")).json()) as { jobs: { prompt: string }[] };
  expect(jobs.jobs.filter((j) => j.prompt.includes(tag))).toEqual([]);

  await app.setStartImage(landscape);
  await expect(app.fieldError("image")).toHaveCount(0);
  await expect(app.generate).toBeEnabled();
});

test("a URL that is not http(s) is refused on the field", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  await page.getByLabel("End image URL").fill("ftp://example.com/a.png");
  await page.getByLabel("End image URL").press("Enter");
  await expect(app.fieldError("lastImage")).toHaveText(/Image URLs must use http or https\./);
});
