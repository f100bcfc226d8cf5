import { expect, test, type APIRequestContext } from "@playwright/test";
import { SIM_PORT } from "./support/ports";
import { landscape, textAsPng, tooSmall } from "./fixtures/images";
import { Playground } from "./pages/playground";

/** Jobs Keyframe stored and submits WaveSpeed received that carry this tag (tests run in parallel). */
async function traces(request: APIRequestContext, tag: string) {
  const jobs = (await (await request.get("/api/jobs?limit=100")).json()) as { jobs: { prompt: string }[] };
  const sim = (await (await request.get(`http://127.0.0.1:${SIM_PORT}/__sim/stats`)).json()) as { received: { prompt: string }[] };
  return [...jobs.jobs, ...sim.received].filter((x) => x.prompt.includes(tag)).length;
}

test("a 200x200 image and a text file named .png each get their field error and create no job", async ({ page, request }) => {
  const app = new Playground(page);
  await app.goto();
  const tag = `no-job-${Date.now()}`;
  await app.prompt.fill(`A slow push-in ${tag}`);

  await app.setStartImage(tooSmall);
  await expect(app.fieldError("image")).toHaveText(/Image is 200×200 px; it must be at least 300×300 px\./);
  // One message, not a second warning beside the preview.
  await expect(page.getByText(/300×300 px|300 × 300/)).toHaveCount(1);
  await expect(app.generate).toBeDisabled();

  await app.setStartImage(landscape);
  await expect(app.fieldError("image")).toHaveCount(0);
  await app.endImage.setInputFiles(textAsPng);
  await expect(app.fieldError("lastImage")).toHaveText(/Not a JPEG or PNG image/);
  await expect(app.generate).toBeDisabled();

  await page.getByRole("button", { name: "Swap with start" }).click();
  await expect(app.fieldError("image")).toHaveText(/Not a JPEG or PNG image/);
  await app.generate.click({ force: true });
  await page.waitForTimeout(500);
  expect(await traces(request, tag)).toBe(0);
});

test("the server checks again: bad multipart gets 400 naming each field and leaves nothing", async ({ request }) => {
  const tag = `bad-multipart-${Date.now()}`;
  const res = await request.post("/api/jobs", {
    multipart: {
      image: { name: "small.png", mimeType: "image/png", buffer: tooSmall.buffer },
      lastImage: { name: "notes.png", mimeType: "image/png", buffer: textAsPng.buffer },
      prompt: tag.padEnd(2001, "x"),
      duration: "5",
      aspectRatio: "auto",
      cameraFixed: "false",
      seed: "-1",
      enableSafetyChecker: "true",
      variations: "1",
    },
  });
  expect(res.status()).toBe(400);
  const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
  expect(body.error.code).toBe("validation_failed");
  expect(Object.keys(body.error.fields).sort()).toEqual(["image", "lastImage", "prompt"]);
  expect(await traces(request, tag)).toBe(0);
});

test("field errors on the prompt and seed appear beside them", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  await app.setStartImage(landscape);
  await app.prompt.fill("x".repeat(2001));
  await expect(app.fieldError("prompt")).toHaveText(/at most 2000 characters/);
  await expect(page.getByText("2001 / 2000")).toBeVisible();
  await app.seed.fill("-7");
  await expect(app.fieldError("seed")).toHaveText(/Seed must be a whole number from -1 to 2147483647\./);
  // The plan does not repeat the invalid seed beside its error.
  await expect(page.getByTestId("seed-plan")).toHaveText("");
  await expect(app.generate).toBeDisabled();
});

test("a long image URL and a control character in the prompt get their field errors in the form", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  await app.setStartImage(landscape);
  await page.getByLabel("End image URL").fill(`https://example.com/${"a".repeat(2100)}`);
  await page.getByLabel("End image URL").press("Enter");
  await expect(app.fieldError("lastImage")).toHaveText(/Image URLs can be at most 2048 characters; this one has 2120\./);
  await page.getByRole("button", { name: "Clear" }).nth(1).click();
  await expect(app.fieldError("lastImage")).toHaveCount(0);
  await app.prompt.fill("A bell rings\u0007 twice");
  await expect(app.fieldError("prompt")).toHaveText(/The prompt contains a control character \(U\+0007\)/);
  await expect(app.generate).toBeDisabled();
  await app.prompt.fill("A bell rings\n\ttwice");
  await expect(app.fieldError("prompt")).toHaveCount(0);
  await expect(app.generate).toBeEnabled();
});
