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

  async goto() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "Keyframe" })).toBeVisible();
  }

  aspectRatio(name: string): Locator {
    return this.page.getByRole("radiogroup", { name: "Aspect ratio" }).getByRole("radio", { name, exact: true });
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
}
