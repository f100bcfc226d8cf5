// backend-free: compare's playback clock in the browser
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
  // Once the clock is past the short take's end, the 2 s take waits on its last frame while the 4 s take plays on.
  const states = () => videos.evaluateAll((vs: HTMLVideoElement[]) => vs.map((v) => ({ t: v.currentTime, paused: v.paused })));
  await expect
    .poll(
      async () => {
        const [shortOne, longOne] = await states();
        return longOne!.t > 2.4 && longOne!.t < 3.8
          ? { shortHolds: shortOne!.paused && shortOne!.t > 1.8, longPlays: !longOne!.paused }
          : null;
      },
      { timeout: 10_000, intervals: [100] },
    )
    .toEqual({ shortHolds: true, longPlays: true });
});
