import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { Playground } from "./pages/playground";
import { ffprobe } from "./support/ffprobe";
import { createJobs, savedJobs } from "./support/jobs";

/** Drops a file on an element, as a file dragged from the desktop would land. */
async function dropFile(page: Page, target: Locator, name: string, bytes: Buffer) {
  const dataTransfer = await page.evaluateHandle(
    ({ b64, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: "video/mp4" }));
      return transfer;
    },
    { b64: bytes.toString("base64"), name },
  );
  await target.dispatchEvent("drop", { dataTransfer });
}

/** The same video with other settings in its comment tag. */
function retagged(bytes: Buffer, comment: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-retag-"));
  fs.writeFileSync(path.join(dir, "in.mp4"), bytes);
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-i",
    path.join(dir, "in.mp4"),
    "-c",
    "copy",
    "-metadata",
    `comment=${comment}`,
    path.join(dir, "out.mp4"),
  ]);
  const out = fs.readFileSync(path.join(dir, "out.mp4"));
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

test("a downloaded MP4 carries its settings; dropped on the form it fills every field; out-of-range values change nothing; presets", async ({
  page,
}) => {
  const prompt = `A lantern sways in the night breeze meta-${Date.now()}`;
  const [job] = await createJobs(page.request, prompt, {
    duration: "3",
    aspectRatio: "4:3",
    cameraFixed: "true",
    seed: "4242",
    enableSafetyChecker: "false",
  });
  await savedJobs(page.request, [job!.id]);
  const app = new Playground(page);
  await app.goto();
  const [download] = await Promise.all([page.waitForEvent("download"), app.more(app.card(prompt), "Download")]);
  const bytes = fs.readFileSync(await download.path());
  const { tags } = ffprobe(bytes);
  expect(tags.title).toBe(prompt);
  const settings = JSON.parse(tags.comment!) as Record<string, unknown>;
  expect(settings).toEqual({
    keyframe: 1,
    model: "bytedance/seedance-v1-lite-i2v-480p",
    prompt,
    seed: 4242,
    duration: 3,
    aspectRatio: "4:3",
    cameraFixed: true,
    enableSafetyChecker: false,
  });

  const form = page.getByRole("form", { name: "Generate a video" });
  await dropFile(page, form, "lantern.mp4", bytes);
  await expect(page.getByText(/^Filled in from lantern\.mp4/)).toBeVisible();
  await expect(app.prompt).toHaveValue(prompt);
  await expect(app.duration).toHaveValue("3");
  await expect(app.aspectRatio("4:3")).toBeChecked();
  await expect(app.cameraFixed).toBeChecked();
  await expect(app.safetyChecker).not.toBeChecked();
  await expect(app.seed).toHaveValue("4242");
  await expect(page.getByTestId("image-size")).toHaveText("736 × 544 px");
  await expect(app.price).toHaveText("$0.048");

  // A video whose settings are out of range is refused beside each field, and the form stays as it was.
  await app.prompt.fill("Keep this prompt");
  const bad = retagged(bytes, JSON.stringify({ ...settings, duration: 30, seed: -9, aspectRatio: "5:4" }));
  await dropFile(page, app.startImage.locator(".."), "bad.mp4", bad);
  await expect(app.fieldError("duration")).toHaveText(/From the dropped video: Duration must be a whole number from 2 to 12\./);
  await expect(app.fieldError("seed")).toHaveText(/From the dropped video: Seed must be/);
  await expect(page.getByText(/settings are out of range \(duration, aspectRatio, seed\); nothing was changed/)).toBeVisible();
  await expect(app.prompt).toHaveValue("Keep this prompt");
  await expect(app.duration).toHaveValue("3");

  // Presets: the examples are the first ones; one click applies one; the form saves as a new one for the team.
  await page.getByRole("group", { name: "Presets" }).getByRole("button", { name: "Runner" }).click();
  await expect(app.prompt).toHaveValue(/^A runner sprints past the camera/);
  await expect(app.duration).toHaveValue("5");
  await expect(app.seed).toHaveValue("-1");
  const name = `Lantern ${Date.now()}`;
  await app.prompt.fill(prompt);
  await page.getByRole("button", { name: "Save as preset…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save as a team preset" });
  await dialog.getByLabel("Preset name").fill(name);
  await dialog.getByRole("button", { name: "Save preset" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("group", { name: "Presets" }).getByRole("button", { name })).toBeVisible();
});
