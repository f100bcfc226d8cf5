/** The admin each benchmark server creates at start-up, and how a benchmark signs in as them. */
export const BENCH_ADMIN = { email: "bench@keyframe.test", password: "bench-password-123" };
export const BENCH_ADMIN_ENV = { ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password };

/** Signs in over HTTP; returns the Cookie header value for later requests. */
export async function benchCookie(app: string): Promise<string> {
  const res = await fetch(`${app}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
