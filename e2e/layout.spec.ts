// backend-free: layout, layout shift and keyboard order, what the browser draws
import { expect, test, type Page } from "@playwright/test";
import { landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";
import { SIZES } from "./support/axe";

/** Sums layout shifts not caused by the user's own input, from the very first paint. */
async function watchLayoutShift(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number; __shifts: string[] };
    w.__cls = 0;
    w.__shifts = [];
    type Shift = { value: number; hadRecentInput: boolean; sources: { node?: Node }[] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Shift[]) {
        if (entry.hadRecentInput) continue;
        w.__cls += entry.value;
        // What moved, for the log when this fails.
        const nodes = entry.sources.map((s) => (s.node instanceof Element ? `${s.node.tagName}.${s.node.className}`.slice(0, 80) : "?"));
        w.__shifts.push(`${entry.value.toFixed(4)} ${nodes.join(" ; ")}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  return async () => {
    const { cls, shifts } = await page.evaluate(() => {
      const w = window as unknown as { __cls: number; __shifts: string[] };
      return { cls: w.__cls, shifts: w.__shifts };
    });
    if (cls > 0.05) console.log(shifts.join("\n"));
    return cls;
  };
}

for (const size of SIZES) {
  test(`${size.name}: price and Generate in view with an image chosen; the page does not jump through a generation`, async ({ page }) => {
    await page.setViewportSize(size);
    const cls = await watchLayoutShift(page);
    const app = new Playground(page);
    await app.goto();
    const prompt = `A layout check, gulls circle a pier ${size.name}-${Date.now()}`;
    // Other specs generate as the same team at the same time: their takes, arriving on top of the gallery,
    // would move its cards. Narrowing the gallery to this spec's take first keeps only this page's own shifts.
    await app.gallery.getByRole("searchbox").fill(prompt);
    await expect(app.gallery.getByText("No jobs match.")).toBeVisible();
    await app.setStartImage(landscape);
    await expect(page.getByTestId("image-size")).toHaveText("640 × 360 px");
    await expect(app.price).toBeInViewport({ ratio: 1 });
    await expect(app.generate).toBeInViewport({ ratio: 1 });
    await expect(page.locator("#generate-reason")).toHaveText("Describe the motion to generate.");

    await app.prompt.pressSequentially(prompt, { delay: 0 });
    await app.duration.fill("2");
    await app.generate.click();
    const card = app.card(prompt);
    await expect(card).toHaveCount(1);
    if (size.name === "phone") {
      // The new take is one tap away.
      await page.getByRole("button", { name: "View take" }).click();
      await expect(card).toBeInViewport();
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    await app.saved(card);
    await page.waitForTimeout(500);
    const shift = await cls();
    console.log(`CLS on / through a generation, ${size.name}: ${shift.toFixed(4)}`);
    expect(shift).toBeLessThanOrEqual(0.05);
  });
}

test("dark mode: a disabled Generate is plainly visible and says why", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const app = new Playground(page);
  await app.goto();
  await expect(app.generate).toBeDisabled();
  await expect(page.locator("#generate-reason")).toHaveText("Add a start image to generate.");
  const colors = await app.generate.evaluate((b) => {
    const s = getComputedStyle(b);
    return { color: s.color, background: s.backgroundColor };
  });
  expect(colors.color).not.toBe(colors.background);
  // Said once, beside the button, and read out with it: the disabled button's wrapper takes focus and is described by it.
  await expect(app.generate.locator("..")).toHaveAccessibleDescription("Add a start image to generate.");
});

test("the first Tab stop skips to the gallery; each radio group is one Tab stop whose selection follows the arrow keys", async ({
  page,
}) => {
  const app = new Playground(page);
  await app.goto();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the gallery" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(app.gallery).toBeFocused();

  const team = app.gallery.getByRole("radio", { name: "Team" });
  await team.focus();
  await page.keyboard.press("Tab");
  await expect(app.gallery.getByRole("radio", { name: "All" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  const active = app.gallery.getByRole("radio", { name: "In progress" });
  await expect(active).toBeFocused();
  await expect(active).toBeChecked();
  await page.keyboard.press("ArrowLeft");
  await expect(app.gallery.getByRole("radio", { name: "All" })).toBeFocused();
  await expect(app.gallery.getByRole("radio", { name: "All" })).toBeChecked();
  await page.keyboard.press("Shift+Tab");
  await expect(team).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(app.gallery.getByRole("radio", { name: "Mine" })).toBeFocused();
  await expect(app.gallery.getByRole("radio", { name: "Mine" })).toBeChecked();
  await page.keyboard.press("ArrowLeft");

  await app.aspectRatio("Auto").focus();
  await page.keyboard.press("ArrowRight");
  await expect(app.aspectRatio("21:9")).toBeFocused();
  await expect(app.aspectRatio("21:9")).toBeChecked();
});
