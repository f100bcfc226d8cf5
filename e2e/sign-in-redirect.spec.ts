// backend-free: where sign-in sends the browser next (lib/http/next-path)
import { expect, test } from "@playwright/test";
import { ADMIN } from "./support/auth";

// Signing in is the point here: start without the suite's session.
test.use({ storageState: { cookies: [], origins: [] } });

for (const next of ["/\\evil.example/", "/\t/evil.example"]) {
  test(`signing in with next=${JSON.stringify(next)} stays on Keyframe`, async ({ page, baseURL }) => {
    const elsewhere: string[] = [];
    // Only navigations count: the gallery may play a video from WaveSpeed's (the simulator's) origin.
    page.on("request", (request) => {
      if (request.isNavigationRequest() && new URL(request.url()).origin !== baseURL) elsewhere.push(request.url());
    });
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Keyframe" })).toBeVisible();
    expect(page.url()).toBe(`${baseURL}/`);
    expect(elsewhere).toEqual([]);
  });
}
