// backend-free: axe and sideways scrolling, what the browser draws; the same pages whichever database served them
import { expect, test } from "@playwright/test";
import { Playground } from "./pages/playground";
import { expectNoAxeViolations, expectNoSidewaysScroll, scanEverywhere, SCHEMES, SIZES } from "./support/axe";
import { createJobs, savedJobs } from "./support/jobs";

// Pages with takes; setup, sign-in and the empty playground are checked on a fresh install (fresh-install.spec.ts).
test.describe("axe finds nothing, light and dark, desktop and phone; nothing scrolls sideways on a phone", () => {
  // Each test scans two pages four ways (light and dark, desktop and phone).
  test.setTimeout(120_000);
  let ids: string[] = [];
  let share = "";

  test.beforeAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
    const jobs = await createJobs(context.request, `An axe check take a11y-${Date.now()}`, { variations: "2", aspectRatio: "16:9" });
    const saved = await savedJobs(
      context.request,
      jobs.map((j) => j.id),
    );
    ids = saved.map((j) => j.id);
    share = saved[0]!.shareUrl!;
    await context.close();
  });

  test("the playground with takes, and with the viewer open", async ({ page }) => {
    const app = new Playground(page);
    await scanEverywhere(page, "/", "playground", async () => {
      await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
      await expect(app.cards().first().locator("img[data-poster]")).toBeVisible();
    });
    await scanEverywhere(page, `/?take=${ids[0]}`, "viewer", async () => {
      await expect(app.viewer.locator("video")).toBeVisible();
    });
  });

  test("compare and team settings", async ({ page }) => {
    await scanEverywhere(page, `/compare?ids=${ids.join(",")}`, "compare", async () => {
      await expect(page.getByRole("heading", { name: "Compare 2 takes" })).toBeVisible();
      await expect(page.getByTestId("compare-time")).not.toHaveText("0:00 / 0:00");
    });
    await scanEverywhere(page, "/admin", "admin", async () => {
      await expect(page.getByRole("heading", { name: "Add a member" })).toBeVisible();
      await expect(page.getByTestId("teamDailyCapUsd-spent")).toContainText("Team:");
    });
  });

  test("the API reference, for a stranger: its overview, its largest section with every answer's fields open", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await scanEverywhere(page, "/docs/api", "api overview", async () => {
      await expect(page.getByRole("heading", { name: "Keyframe API", level: 1 })).toBeVisible();
    });
    // The largest section (its cards share every component of the other sections): axe in both schemes, and
    // nothing sideways on a phone; a full axe pass per size would add ~20 s for the same colours.
    for (const size of SIZES) {
      for (const scheme of SCHEMES) {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
        await page.goto("/docs/api/jobs");
        await expect(page.getByRole("heading", { name: "Generate: one take per variation" })).toBeVisible();
        await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        if (size.name === "phone") await expectNoSidewaysScroll(page, `api jobs ${scheme}`);
        else await expectNoAxeViolations(page, `api jobs ${scheme}`);
      }
    }
    await context.close();
  });

  test("a share page, for a stranger", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await scanEverywhere(page, share, "share", async () => {
      await expect(page.getByRole("link", { name: "Sign in to remix" })).toBeVisible();
    });
    await context.close();
  });
});
