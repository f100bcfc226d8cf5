// backend-free: the form in the browser (kept in the browser's own storage across a reload, crop, messages, the tab title)
import { expect, test } from "@playwright/test";
import { ending, landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";

test("the form survives a reload, images included, until it is cleared", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  await app.setStartImage(landscape);
  await app.endImage.setInputFiles({ ...ending, name: "end.png" });
  await app.prompt.fill("A draft that must survive a reload");
  await app.duration.fill("4");
  await app.chooseAspectRatio("4:3");
  await app.cameraFixed.check();
  await app.seed.fill("99");
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
  await expect(app.prompt).toHaveValue("A draft that must survive a reload");
  await expect(app.duration).toHaveValue("4");
  await expect(app.aspectRatio("4:3")).toBeChecked();
  await expect(app.cameraFixed).toBeChecked();
  await expect(app.seed).toHaveValue("99");
  await expect(page.getByTestId("image-size")).toHaveText("640 × 360 px");
  await expect(page.getByTestId("lastImage-size")).toHaveText("640 × 360 px");
  await expect(app.generate).toBeEnabled();

  await page.getByRole("button", { name: "Clear form" }).click();
  await expect(app.prompt).toHaveValue("");
  await page.reload();
  await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
  await expect(app.prompt).toHaveValue("");
  await expect(page.getByTestId("image-size")).toHaveCount(0);
});

test("crop or fit the start image when its shape differs from the chosen ratio", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  await app.setStartImage(landscape);
  await expect(page.getByRole("button", { name: /^Crop or fit/ })).toHaveCount(0);
  await app.chooseAspectRatio("1:1");
  await page.getByRole("button", { name: "Crop or fit to 1:1…" }).click();
  const dialog = page.getByRole("dialog", { name: "Make the start image 1:1" });
  await expect(dialog).toContainText("Result: 360 × 360 px");
  await dialog.getByRole("button", { name: "Use this image" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("image-size")).toHaveText("360 × 360 px");
  await expect(page.getByRole("button", { name: /^Crop or fit/ })).toHaveCount(0);

  await app.setStartImage(landscape);
  await page.getByRole("button", { name: "Crop or fit to 1:1…" }).click();
  await dialog.getByRole("radio", { name: "Fit" }).click();
  await expect(dialog).toContainText("Result: 640 × 640 px");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("image-size")).toHaveText("640 × 360 px");
});

test("messages: WebP says it is not supported, a preset brings its own duration, the seed row stays on one line", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  const webp = await page.evaluateHandle(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 400;
    canvas.getContext("2d")!.fillRect(0, 0, 400, 400);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/webp"));
    const dt = new DataTransfer();
    dt.items.add(new File([blob], "photo.webp", { type: "image/webp" }));
    return dt;
  });
  await page.getByRole("group", { name: "Start image drop zone" }).dispatchEvent("drop", { dataTransfer: webp });
  await expect(app.fieldError("image")).toHaveText(/Not a JPEG or PNG image/);
  await expect(page.getByTestId("image-size")).toHaveText("Size unknown");

  await app.duration.fill("7");
  await page.getByRole("group", { name: "Presets" }).getByRole("button", { name: "Runner" }).click();
  await expect(app.prompt).toHaveValue(/5 seconds\.$/);
  await expect(app.duration).toHaveValue("5");

  const roll = page.getByRole("button", { name: "Roll" });
  const random = page.getByRole("button", { name: "Random" });
  const top = async (l: typeof roll) => Math.round((await l.boundingBox())!.y);
  await roll.click();
  expect(await top(roll)).toBe(await top(random));
  expect((await roll.boundingBox())!.height).toBeLessThanOrEqual(40);
  await expect(app.seed).not.toHaveValue("-1");
  await random.click();
  await expect(app.seed).toHaveValue("-1");
  await expect(page.getByTestId("seed-plan")).toHaveText("A random seed, shown on the card.");
});

test("a take that finishes while the tab is hidden: counted in the title, and notified when opted in", async ({ page, context }) => {
  await context.grantPermissions(["notifications"]);
  await page.addInitScript(() => {
    const w = window as unknown as { __hidden: boolean; __notes: { title: string; body: string }[] };
    w.__hidden = false;
    w.__notes = [];
    Object.defineProperty(document, "visibilityState", { get: () => (w.__hidden ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { get: () => w.__hidden });
    // Records what would be shown; headless Chromium has no notification centre.
    class RecordingNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body: string }) {
        w.__notes.push({ title, body: options.body });
      }
    }
    (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
  });
  const app = new Playground(page);
  await app.goto();
  await page.getByRole("button", { name: /, account$/ }).click();
  await page.getByRole("menuitemcheckbox", { name: "Notify me when a take finishes" }).click();
  await expect(page.getByRole("menuitemcheckbox", { name: "Notify me when a take finishes" })).toBeChecked();
  await page.keyboard.press("Escape");

  const prompt = `A hidden-tab take, fireflies blink ${Date.now()}`;
  await app.generateOne(prompt, landscape);
  await expect(app.card(prompt)).toHaveCount(1);
  const title = await page.title();
  await page.evaluate(() => {
    (window as unknown as { __hidden: boolean }).__hidden = true;
    document.dispatchEvent(new Event("visibilitychange"));
  });
  // Other specs run as the same user at the same time, so theirs may be counted too.
  await expect(page).toHaveTitle(/^\(\d+\) Keyframe/, { timeout: 30_000 });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __notes: unknown[] }).__notes), { timeout: 30_000 })
    .toContainEqual({ title: "Take ready", body: prompt });
  await page.evaluate(() => {
    (window as unknown as { __hidden: boolean }).__hidden = false;
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect(page).toHaveTitle(title);
});
