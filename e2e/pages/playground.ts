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
  readonly viewer: Locator;

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
    this.viewer = page.getByRole("dialog", { name: /^Take/ });
  }

  async goto(url = "/") {
    await this.page.goto(url);
    await expect(this.page.getByRole("heading", { name: "Keyframe" })).toBeVisible();
    // Until React has hydrated the form and brought back any saved draft, a file set on its input could be lost.
    await expect(this.page.locator('form[data-hydrated="true"]')).toBeVisible();
  }

  aspectRatio(name: string): Locator {
    return this.page.getByRole("radiogroup", { name: "Aspect ratio" }).getByRole("radio", { name, exact: true });
  }

  async chooseAspectRatio(name: string) {
    await this.aspectRatio(name).click();
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

  /** Waits until the job is done and Keyframe has its own copy of the video (its poster shows). */
  async saved(card: Locator) {
    await expect(card.getByTestId("job-status")).toHaveText(/Completed in/, { timeout: 30_000 });
    await expect(card.locator("img[data-poster]")).toHaveAttribute("src", /^\/media\/thumbs\//, { timeout: 30_000 });
  }

  /** An item of a card's "More" menu. */
  async more(card: Locator, item: string | RegExp) {
    await card.getByRole("button", { name: "More" }).click();
    await this.page.getByRole("menuitem", { name: item }).click();
  }

  /** Opens a take in the viewer by clicking its picture. */
  async open(card: Locator) {
    await card.getByRole("button", { name: /^Open take/ }).click();
    await expect(this.viewer).toBeVisible();
  }

  /** The share link of a take, as "Copy link" puts it on the clipboard. */
  async shareLink(card: Locator): Promise<string> {
    await card.getByRole("button", { name: /^(Copy|Share) link$/ }).click();
    await expect(card.getByRole("status")).toHaveText(/Link copied/);
    return this.page.evaluate(() => navigator.clipboard.readText());
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
