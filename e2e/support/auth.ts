import { expect, type APIRequestContext } from "@playwright/test";

/** The admin every e2e server creates at start-up (ADMIN_EMAIL / ADMIN_PASSWORD). */
export const ADMIN = { email: "admin@keyframe.test", password: "e2e-admin-password" };
export const ADMIN_ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
export const ADMIN_STATE = "e2e/.auth/admin.json";

/** Signs in through the API; the session cookie lands in this request context (a page's, or the fixture's). */
export async function signIn(request: APIRequestContext, base: string, who: { email: string; password: string } = ADMIN) {
  const res = await request.post(`${base}/api/session`, { data: who });
  expect(res.status(), await res.text()).toBe(200);
}
