import "server-only";
import { AppError } from "@/lib/errors";
import type { SignInInput } from "@/lib/validations/account";
import { getAuth } from "./server";

const WINDOW_MS = 15 * 60 * 1000;
const FREE_TRIES = 3;
const MAX_DELAY_MS = 8000;
const LOCK_AFTER = 20;
// The session row's expiry (14 days, renewed daily while in use) decides; the cookie only has to outlive it.
const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;
const failures = new Map<string, { count: number; first: number }>();

/** The same answer for a wrong password, an unknown email and a disabled account. */
const WRONG = () => new AppError("unauthorized", "Wrong email or password, or the account is disabled.");

function failuresFor(email: string, now: number) {
  const entry = failures.get(email);
  if (!entry || now - entry.first > WINDOW_MS) return { count: 0, first: now };
  return entry;
}

/** Wrong tries cost time: from the 4th within 15 minutes each answer waits 0.5 s, doubling up to 8 s; the 20th locks for the window. */
async function slowDown(email: string): Promise<void> {
  const now = Date.now();
  const { count, first } = failuresFor(email, now);
  if (count >= LOCK_AFTER) {
    const wait = Math.ceil((first + WINDOW_MS - now) / 1000);
    throw new AppError("rate_limited", `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} min.`, undefined, {
      "Retry-After": String(wait),
    });
  }
  if (count >= FREE_TRIES) await new Promise((r) => setTimeout(r, Math.min(MAX_DELAY_MS, 500 * 2 ** (count - FREE_TRIES))));
}

/** Signs in and returns the session cookies to set (Secure when the request came over HTTPS). */
export async function signIn(input: SignInInput, request: Request): Promise<string[]> {
  await slowDown(input.email);
  const auth = await getAuth();
  const response = await auth.api
    .signInEmail({ body: { email: input.email, password: input.password, rememberMe: true }, headers: request.headers, asResponse: true })
    .catch(() => null);
  if (!response?.ok) {
    const entry = failuresFor(input.email, Date.now());
    failures.set(input.email, { count: entry.count + 1, first: entry.first });
    throw WRONG();
  }
  failures.delete(input.email);
  const https = (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "")).startsWith("https");
  return response.headers
    .getSetCookie()
    .map((c) => (https && !/;\s*secure/i.test(c) ? `${c}; Secure` : c))
    .map((c) => c.replace(/Max-Age=\d+/i, `Max-Age=${COOKIE_MAX_AGE_S}`));
}

/** Ends the session on the server (its row is deleted) and returns the cookies that clear it in the browser. */
export async function signOut(request: Request): Promise<string[]> {
  const auth = await getAuth();
  const response = await auth.api.signOut({ headers: request.headers, asResponse: true }).catch(() => null);
  return response?.headers.getSetCookie() ?? [];
}
