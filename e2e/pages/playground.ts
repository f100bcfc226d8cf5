import { expect, type Locator, type Page } from "@playwright/test";
import type { FilePayload } from "../fixtures/images";

/** The playground as a user sees it: controls found by their visible labels. */
export class Playground {
  readonly startImage: Locator;
  readonly endImage: Locator;
  readonly prompt: Locator;
  readonly duration: Locator;
  readonly cameraFixed: Locator;
  readonly safetyChecker: Locator;
  readonly seed: Locator;
  readonly variations: Locator;
  readonly price: Locator;
  readonly generate: Locator;
  readonly gallery: Locator;

  constructor(readonly page: Page) {
    this.startImage = page.getByLabel("Start image", { exact: true });
    this.endImage = page.getByLabel("End image", { exact: true });
    this.prompt = page.getByLabel("Prompt", { exact: true });
    this.duration = page.getByLabel("Duration", { exact: true });
    this.cameraFixed = page.getByLabel("Camera fixed", { exact: true });
    this.safetyChecker = page.getByLabel("Safety checker", { exact: true });
    this.seed = page.getByLabel("Seed", { exact: true });
    this.variations = page.getByLabel("Variations", { exact: true });
    this.price = page.getByTestId("price");
    this.generate = page.getByRole("button", { name: /^Generate/ });
    this.gallery = page.getByRole("region", { name: "Gallery" });
  }

  async goto(url = "/") {
    await this.page.goto(url);
    await expect(this.page.getByRole("heading", { name: "Keyframe" })).toBeVisible();
    // Until React has hydrated the form, a file set on its input would be dropped.
    await expect(this.page.locator('form[data-hydrated="true"]')).toBeVisible();
  }

  aspectRatio(name: string): Locator {
    return this.page.getByRole("radiogroup", { name: "Aspect ratio" }).getByRole("radio", { name, exact: true });
  }

  async chooseAspectRatio(name: string) {
    await this.page.getByRole("radiogroup", { name: "Aspect ratio" }).getByText(name, { exact: true }).click();
    await expect(this.aspectRatio(name)).toBeChecked();
  }

  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-error`);
  }

  async setStartImage(file: FilePayload) {
    await this.startImage.setInputFiles(file);
  }

  cards(): Locator {
    return this.gallery.getByRole("article");
  }

  card(prompt: string): Locator {
    return this.cards().filter({ hasText: prompt });
  }

  /** Waits until the job is done and Keyframe has its own copy of the video. */
  async saved(card: Locator) {
    await expect(card.getByTestId("job-status")).toHaveText(/Completed in/, { timeout: 30_000 });
    await expect(card.locator("video")).toHaveAttribute("src", /^\/media\/videos\//, { timeout: 30_000 });
  }

  /** An item of a card's "More" menu. */
  async more(card: Locator, item: string | RegExp) {
    const details = card.locator("details");
    if ((await details.getAttribute("open")) === null) await card.getByText("More", { exact: true }).click();
    await card.getByRole("button", { name: item }).click();
  }

  /** Fills what a generation needs and presses Generate; returns the new card. */
  async generateOne(prompt: string, image: FilePayload, options: { duration?: string; seed?: string } = {}) {
    await this.setStartImage(image);
    await this.prompt.fill(prompt);
    await this.duration.fill(options.duration ?? "2");
    if (options.seed) await this.seed.fill(options.seed);
    await this.generate.click();
    return this.card(prompt);
  }
}
