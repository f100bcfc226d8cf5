// backend-free: the Content-Security-Policy the proxy sets, the same whichever database; the changes poll is a route test on both (app/api/jobs/changes)
import { expect, test, type Page, type Response } from "@playwright/test";
import { ADMIN } from "./support/auth";
import { landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";

/** Collects every CSP violation the page reports, whether as a console message or as a DOM event. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return violations;
}

/** The policy a page was served with; returns its nonce. */
function expectPolicy(response: Response | null): string {
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /script-src [^;]*'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("'unsafe-eval'");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  return nonce!;
}

test("the playground, a share page and sign-in run under a nonce policy without a violation", async ({ page, browser, baseURL }) => {
  const violations = await watchCsp(page);
  const first = expectPolicy(await page.goto("/"));
  const app = new Playground(page);
  await app.goto();
  expect(expectPolicy(await page.goto("/"))).not.toBe(first);
  await app.goto();

  // A local file previews through a blob: URL; the take plays in the gallery.
  const prompt = `A kite climbs into a clear sky csp-${Date.now()}`;
  const card = await app.generateOne(prompt, landscape);
  await expect(page.getByRole("img", { name: "Start image preview" })).toBeVisible();
  await app.saved(card);
  const link = await app.shareLink(card);

  expectPolicy(await page.goto(link));
  const video = page.locator("video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.3);
  await expect(page.locator('meta[property="og:video"]')).toHaveAttribute("content", `${link}/video.mp4`);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", `${link}/poster.jpg`);

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signIn = await stranger.newPage();
  const strangerViolations = await watchCsp(signIn);
  expectPolicy(await signIn.goto("/sign-in"));
  await signIn.getByLabel("Email").fill(ADMIN.email);
  await signIn.getByLabel("Password").fill(ADMIN.password);
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expect(signIn.getByRole("heading", { name: "Keyframe" })).toBeVisible();
  expect(signIn.url()).toBe(`${baseURL}/`);
  await stranger.close();

  expect(violations).toEqual([]);
  expect(strangerViolations).toEqual([]);
});

test("an injected inline event handler does not run", async ({ page }) => {
  const violations = await watchCsp(page);
  await new Playground(page).goto();
  // What an HTML injection would try: markup that runs code when it loads.
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.setAttribute("onerror", "window.__injected = true");
    img.src = "data:,not-an-image";
    document.body.append(img);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected ?? false)).toBe(false);
});

test("the gallery's changes poll, which skips the proxy, has a policy of its own and answers only a session", async ({
  request,
  playwright,
  baseURL,
}) => {
  const { version } = (await (await request.get("/api/jobs?limit=1")).json()) as { version: string };
  const poll = await request.get(`/api/jobs/changes?since=${version}`);
  expect(poll.status()).toBe(200);
  expect(poll.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(poll.headers()["x-content-type-options"]).toBe("nosniff");
  const again = await request.get(`/api/jobs/changes?since=${version}`, { headers: { "if-none-match": poll.headers()["etag"]! } });
  expect(again.status()).toBe(304);
  expect(await again.text()).toBe("");

  const stranger = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const refused = await stranger.get(`/api/jobs/changes?since=${version}`);
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  await stranger.dispose();
  // The paths beside it still pass the proxy: a cross-site request there is refused before any route.
  const crossSite = await request.post("/api/jobs/changes/share", { headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect(((await crossSite.json()) as { error: { code: string } }).error.code).toBe("forbidden");
});
