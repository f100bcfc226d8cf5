import { expect, test } from "@playwright/test";
import { SENTINEL_KEY } from "../playwright.config";
import { LIVE_APP_PORT } from "./support/ports";
import { landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";
import { signIn } from "./support/auth";

test.use({ baseURL: `http://127.0.0.1:${LIVE_APP_PORT}` });

test("with a real key set, nothing the browser receives contains it", async ({ page, baseURL }) => {
  // This server has its own accounts: sign in there (the stored session belongs to the simulator-mode app).
  await signIn(page.request, baseURL!);
  const request = page.request;
  const leaks: string[] = [];
  const bodies: Promise<void>[] = [];
  page.on("response", (res) => {
    bodies.push(
      res.body().then(
        (body) => {
          if (body.includes(SENTINEL_KEY) || JSON.stringify(res.headers()).includes(SENTINEL_KEY)) leaks.push(res.url());
        },
        () => undefined,
      ),
    );
  });

  const app = new Playground(page);
  await app.goto();
  await expect(page.getByRole("note")).toHaveCount(0);
  await app.setStartImage(landscape);
  await app.duration.fill("2");
  await app.prompt.fill("A quiet sentinel check");
  await app.generate.click();
  // Completing proves the key reached the upstream, which accepts only the sentinel.
  await expect(app.card("A quiet sentinel check").first().getByTestId("job-status")).toHaveText(/Completed in/, { timeout: 30_000 });
  await page.reload();
  await expect(app.cards().first()).toBeVisible();
  await Promise.all(bodies);

  for (const path of ["/", "/api/jobs", "/api/health", "/api/jobs/does-not-exist"]) {
    const res = await request.get(path);
    expect(await res.text()).not.toContain(SENTINEL_KEY);
  }
  expect(bodies.length).toBeGreaterThan(5);
  expect(leaks).toEqual([]);
});
