import { expect, type Locator, type Page } from "@playwright/test";

/** A storyboard page as a member sees it: shots, the film, exports and review links, found by their labels. */
export class StoryboardPage {
  readonly shots: Locator;
  readonly status: Locator;
  readonly films: Locator;

  constructor(readonly page: Page) {
    this.shots = page.locator("li[data-shot-id]");
    this.status = page.getByRole("status").first();
    this.films = page.getByRole("list", { name: "Exported films" }).getByRole("listitem");
  }

  shot(n: number): Locator {
    return this.page.getByRole("listitem", { name: `Shot ${n}`, exact: true });
  }

  /** The picked take's prompt of each shot, in order. */
  async prompts(): Promise<string[]> {
    return this.shots.getByTestId("shot-prompt").allTextContents();
  }

  /** "Continue from last frame" on shot `n`, once its take is saved: the dialog, a prompt, Generate. */
  async continueFrom(n: number, prompt: string, duration = "2") {
    const button = this.shot(n).getByRole("button", { name: "Continue from last frame" });
    await expect(button).toBeEnabled({ timeout: 45_000 });
    await button.click();
    const dialog = this.page.getByRole("dialog", { name: `Continue from the last frame of shot ${n}` });
    await dialog.getByLabel("Prompt").fill(prompt);
    await dialog.getByLabel("Duration (s)").fill(duration);
    await dialog.getByRole("button", { name: /^Generate · \$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(this.shot(n + 1)).toBeVisible();
  }
}
