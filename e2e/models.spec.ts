import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ENTRIES } from "../lib/catalog";
import { Playground } from "./pages/playground";
import { createJobs, savedJobs } from "./support/jobs";

const lite = ENTRIES[0]!;
const two = ENTRIES.find((e) => e.short === "2.0")!;

/** `SHOTS_DIR=… npx playwright test e2e/models.spec.ts` also keeps a picture of the form for each model. */
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1400, height: 1900 });
  await page.locator("#model").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, `i21-${name}.png`), clip: { x: 0, y: 0, width: 480, height: 1900 } });
  if (size) await page.setViewportSize(size);
}

test("switching lite 480p to 2.0: camera fixed goes, the prompt is required, duration moves to 4-15 and the price follows", async ({
  page,
}) => {
  const app = new Playground(page);
  await app.goto();
  const model = page.getByLabel("Model", { exact: true });
  await expect(model).toHaveValue(lite.id);
  await app.duration.fill("2");
  await expect(app.cameraFixed).toBeVisible();
  await expect(app.price).toHaveText("$0.032");
  await expect(page.getByTestId("prompt-required")).toHaveCount(0);
  await shot(page, "lite-480p");

  await model.selectOption(two.id);
  await expect(app.cameraFixed).toHaveCount(0);
  await expect(page.getByTestId("prompt-required")).toHaveText("required by 2.0");
  await expect(app.prompt).toHaveAttribute("aria-required", "true");
  await expect(app.duration).toHaveAttribute("min", "4");
  await expect(app.duration).toHaveAttribute("max", "15");
  await expect(app.duration).toHaveValue("4");
  await expect(page.getByText("Changed from 2 s to 4 s: 2.0 takes 4-15 s.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Resolution", { exact: true })).toHaveValue("720p");
  await expect(page.getByLabel("Sound", { exact: true })).toBeChecked();
  // 4 s of 2.0 at 720p: the simulator's quote of the catalog's price.
  await expect(app.price).toHaveText("$0.96");
  await page.getByLabel("Resolution", { exact: true }).selectOption("480p");
  await expect(app.price).toHaveText("$0.48");
  await shot(page, "seedance-2.0");
});

test("a 2.0 take with sound is stored at its resolution with an audio track, and its tags name the model", async ({ request }) => {
  const [job] = await createJobs(request, "A drummer keeps time on a rooftop", {
    model: two.id,
    duration: "4",
    resolution: "720p",
    generateAudio: "true",
    aspectRatio: "16:9",
  });
  const [saved] = await savedJobs(request, [job!.id]);
  const view = (await (await request.get(`/api/jobs/${saved!.id}`)).json()) as {
    model: { name: string; audio: boolean };
    video: { src: string };
  };
  expect(view.model).toMatchObject({ name: two.name, audio: true });
  const bytes = Buffer.from(await (await request.get(view.video.src)).body());
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kf-models-")), "take.mp4");
  fs.writeFileSync(file, bytes);
  const probe = JSON.parse(
    execFileSync("ffprobe", ["-v", "error", "-show_entries", "stream=codec_type,height:format_tags=comment", "-of", "json", file], {
      encoding: "utf8",
    }),
  ) as { streams: { codec_type: string; height?: number }[]; format: { tags?: { comment?: string } } };
  expect(probe.streams.map((s) => s.codec_type).sort()).toEqual(["audio", "video"]);
  expect(probe.streams.find((s) => s.codec_type === "video")?.height).toBe(720);
  expect(JSON.parse(probe.format.tags?.comment ?? "{}")).toMatchObject({ model: two.id, resolution: "720p", generateAudio: true });
});
