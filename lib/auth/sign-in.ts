import "server-only";
import { clearHits, hit, pruneHits, unhit } from "@/lib/db/queries/rate-limits";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import type { SignInInput } from "@/lib/validations/account";
import { getAuth } from "./server";

const WINDOW_MS = 15 * 60 * 1000;
const FREE_TRIES = 3;
const MAX_DELAY_MS = 8000;
/** Tries for one email from one address per window; the owner elsewhere is not affected. */
const PAIR_LIMIT = 20;
/** Tries from one address per window, whatever the email (password spraying). */
const ADDRESS_LIMIT = 100;
// The session row's expiry (14 days, renewed daily while in use) decides; the cookie only has to outlive it.
const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/** The same answer for a wrong password, an unknown email and a disabled account. */
const WRONG = () => new AppError("unauthorized", "Wrong email or password, or the account is disabled.");

function tooMany(windowStart: number): AppError {
  const wait = Math.max(1, Math.ceil((windowStart + WINDOW_MS - Date.now()) / 1000));
  return new AppError("rate_limited", `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} min.`, undefined, {
    "Retry-After": String(wait),
  });
}

/**
 * Counts this attempt before the password is checked, atomically and across instances: parallel attempts
 * each get their own count. From the 4th try for an email from one address within 15 minutes each answer
 * waits 0.5 s, doubling up to 8 s; the 21st is refused until the window ends; an address trying many
 * emails is stopped after 100.
 */
async function throttle(email: string, address: string): Promise<{ pairKey: string; addressKey: string }> {
  const pairKey = `signin:${address}:${email.toLowerCase()}`;
  const addressKey = `signin:${address}`;
  const [pair, from] = await Promise.all([hit(pairKey, WINDOW_MS), hit(addressKey, WINDOW_MS)]);
  if (pair.count === 1) void pruneHits(Date.now() - 2 * WINDOW_MS);
  if (from.count > ADDRESS_LIMIT) throw tooMany(from.windowStart);
  if (pair.count > PAIR_LIMIT) throw tooMany(pair.windowStart);
  if (pair.count > FREE_TRIES) await new Promise((r) => setTimeout(r, Math.min(MAX_DELAY_MS, 500 * 2 ** (pair.count - FREE_TRIES - 1))));
  return { pairKey, addressKey };
}

/** Signs in and returns the session cookies to set (Secure when the request came over HTTPS). */
export async function signIn(input: SignInInput, request: Request): Promise<string[]> {
  const { pairKey, addressKey } = await throttle(input.email, clientAddress(request.headers));
  const auth = await getAuth();
  const response = await auth.api
    .signInEmail({ body: { email: input.email, password: input.password, rememberMe: true }, headers: request.headers, asResponse: true })
    .catch(() => null);
  if (!response?.ok) throw WRONG();
  // A right password resets its email's count and does not count against its address.
  await Promise.all([clearHits(pairKey), unhit(addressKey)]);
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
