import { expect, test } from "@playwright/test";
import { createJobs, savedJobs } from "./support/jobs";

test("compare: the longest take is the clock, a shorter one holds its last frame; length shown before play", async ({ page }) => {
  const tag = `clock-${Date.now()}`;
  const short = await createJobs(page.request, `A short take ${tag}`, { duration: "2" });
  const long = await createJobs(page.request, `A long take ${tag}`, { duration: "4" });
  await savedJobs(
    page.request,
    [...short, ...long].map((j) => j.id),
  );
  await page.goto(`/compare?ids=${short[0]!.id},${long[0]!.id}`);
  await expect(page.getByRole("banner").getByRole("link", { name: "Keyframe" })).toBeVisible();
  await expect(page.getByTestId("compare-time")).toHaveText("0:00 / 0:04");
  await expect(page.getByRole("img", { name: "Start image of take 1" })).toBeVisible();

  const videos = page.locator("video");
  await expect.poll(() => videos.evaluateAll((vs: HTMLVideoElement[]) => vs.every((v) => v.readyState >= 2))).toBe(true);
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => videos.nth(1).evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(2.8);
  const [shortOne, longOne] = await videos.evaluateAll((vs: HTMLVideoElement[]) => vs.map((v) => ({ t: v.currentTime, paused: v.paused })));
  // The 2 s take waits on its last frame while the 4 s take plays on.
  expect(shortOne!.paused).toBe(true);
  expect(shortOne!.t).toBeGreaterThan(1.8);
  expect(longOne!.paused).toBe(false);
});
