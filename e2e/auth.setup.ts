import { test as setup } from "@playwright/test";
import { ADMIN_STATE, signIn } from "./support/auth";

setup("sign in as the admin", async ({ request, baseURL }) => {
  await signIn(request, baseURL!);
  await request.storageState({ path: ADMIN_STATE });
});
