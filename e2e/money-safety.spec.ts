import { expect, test } from "@playwright/test";
import { SIM_PORT } from "./support/ports";
import { landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";

async function submitsWith(request: import("@playwright/test").APIRequestContext, tag: string) {
  const stats = (await (await request.get(`http://127.0.0.1:${SIM_PORT}/__sim/stats`)).json()) as { received: { prompt: string }[] };
  return stats.received.filter((r) => r.prompt.includes(tag)).length;
}

test("a submit whose answer is cut off is never resent: the task it made is found in WaveSpeed's history and completes", async ({
  page,
  request,
}) => {
  const app = new Playground(page);
  await app.goto();
  await app.setStartImage(landscape);
  await app.duration.fill("2");
  const tag = `cutoff-${Date.now()}`;
  await app.prompt.fill(`A product turntable [sim:malformed] ${tag}`);
  await app.generate.click();

  const card = app.card(tag);
  // Briefly "Outcome unknown", then settled from the history (lib/money/settle.ts).
  await expect(card.getByTestId("job-status")).toHaveText(/^Completed/, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  // WaveSpeed created (and would charge) exactly one task, and Keyframe did not try again.
  expect(await submitsWith(request, tag)).toBe(1);
});

test("a rate-limited submit waits and retries visibly, then fails with WaveSpeed's message", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  await app.setStartImage(landscape);
  await app.duration.fill("2");
  const tag = `limited-${Date.now()}`;
  await app.prompt.fill(`A product turntable [sim:429] ${tag}`);
  await app.generate.click();

  const card = app.card(tag);
  await expect(card.getByTestId("job-status")).toHaveText("Queued · retrying");
  await expect(card).toContainText("Waiting to retry: WaveSpeed 429: Too many requests");
  await expect(card.getByTestId("job-status")).toHaveText("Failed", { timeout: 45_000 });
  await expect(card.getByRole("alert")).toContainText("nothing was charged");
});
