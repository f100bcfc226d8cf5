import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const SIZES = [
  { name: "desktop", width: 1400, height: 1000 },
  { name: "phone", width: 390, height: 844 },
] as const;
export const SCHEMES = ["light", "dark"] as const;

// Experimental in the axe that @axe-core/playwright bundles, so off unless asked for; it checks WCAG 2.5.3
// (Label in Name): voice-control users say what they see.
const EXPERIMENTAL = { "label-content-name-mismatch": { enabled: true } };

/** Every axe rule (any impact, best practices included, and the experimental rules above) on the page as it is now. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).options({ rules: EXPERIMENTAL }).analyze();
  const found = violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) at ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")}`,
  );
  console.log(`axe ${label}: ${violations.length} violations`);
  expect(found).toEqual([]);
}

/** Nothing wider than the window: no sideways scrolling. */
export async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${label}: page is ${scroll}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
}

/**
 * Opens `url` at both sizes in both colour schemes and checks each: axe, and at phone width no sideways
 * scrolling. `ready` waits for what the page must show first (and may open something, like the viewer).
 */
export async function scanEverywhere(page: Page, url: string, name: string, ready: (page: Page) => Promise<void>) {
  for (const size of SIZES) {
    for (const scheme of SCHEMES) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await page.goto(url);
      await ready(page);
      const label = `${name} ${size.name} ${scheme}`;
      await expectNoAxeViolations(page, label);
      if (size.name === "phone") await expectNoSidewaysScroll(page, label);
    }
  }
}
