import { expect, test } from "@playwright/test";
import { createJobs, savedJobs } from "./support/jobs";

// Chat apps and mail clients glue a closing bracket, a stop, a space or a zero-width space to a link they show.
const GLUED = [")", ".", "%20", "%E2%80%8B", ")."];

test("a review, share or film link with a bracket, stop, space or zero-width space glued on opens the link; a malformed one is 404, never a sign-in", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const tag = `glued-${Date.now()}`;
  const [job] = await savedJobs(
    page.request,
    (await createJobs(page.request, `A kite over the dunes ${tag}`)).map((j) => j.id),
  );
  const board = (await (await page.request.post("/api/storyboards", { data: { name: `Dunes ${tag}`, jobIds: [job!.id] } })).json()) as {
    id: string;
  };
  const link = (await (await page.request.post("/api/review-links", { data: { storyboardId: board.id } })).json()) as {
    id: string;
    url: string;
  };

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const reviewer = await stranger.newPage();
  for (const tail of GLUED) {
    const res = await reviewer.goto(`${link.url}${tail}?from=chat`);
    expect(res?.status(), tail).toBe(200);
    expect(reviewer.url(), tail).toBe(`${link.url}?from=chat`);
    await expect(reviewer.getByRole("heading", { level: 1, name: `Dunes ${tag}` })).toBeVisible();
  }
  // Not a token with something glued on: the page's own 404, as for a revoked link. The token one character
  // short ends in a letter: its own 21st character may be `-` or `_`, which a glued-link redirect would strip.
  const short = `${link.url.slice(0, -2)}x`;
  for (const bad of [`${link.url})x`, short, `${link.url.replace(link.id, "not-a-token")}`]) {
    const res = await reviewer.goto(bad);
    expect(res?.status(), bad).toBe(404);
    expect(reviewer.url()).toBe(bad);
    await expect(reviewer.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  }
  // The API answers 404 JSON for any of them: a client must send the clean token.
  for (const tail of [...GLUED, "x"]) {
    const res = await stranger.request.get(`/api/review/${link.id}${tail}`, { maxRedirects: 0 });
    expect(res.status(), tail).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "This review link does not exist or is no longer shared." } });
  }
  await stranger.close();

  // A take's share page and a film's page alike (an unknown film: cleaned, then its own 404).
  const share = new URL(job!.shareUrl!).pathname;
  for (const tail of GLUED) {
    const res = await page.goto(`${share}${tail}`);
    expect(res?.status(), tail).toBe(200);
    expect(new URL(page.url()).pathname).toBe(share);
  }
  const film = "/f/AAAAAAAAAAAAAAAAAAAAAA";
  const res = await page.goto(`${film})`);
  expect(res?.status()).toBe(404);
  expect(new URL(page.url()).pathname).toBe(film);
});
