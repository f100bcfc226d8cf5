import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE, signIn } from "./support/auth";

setup("sign in as the admin", async ({ request, baseURL }) => {
  await signIn(request, baseURL!);
  // One admin runs every spec, in parallel: lift the per-member rate limit so it cannot interfere.
  const current = await (await request.get("/api/admin/settings")).json();
  expect((await request.put("/api/admin/settings", { data: { ...current, submitsPerMinute: 600 } })).status()).toBe(200);
  await request.storageState({ path: ADMIN_STATE });
});
