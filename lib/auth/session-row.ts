import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookies } from "better-auth/cookies";
import { sessionByToken } from "@/lib/db/queries/sessions";
import type { Auth } from "./server";
import type { SessionUser } from "./session";

/**
 * The token in a request's session cookie when its signature holds: base64 HMAC-SHA256 of the token under
 * the auth secret, as better-auth signs it. Checked here with node:crypto, synchronously; better-auth's own
 * check goes through WebCrypto, which cost more than all the rest of an unchanged gallery poll.
 */
function signedToken(cookies: string, name: string, secret: string): string | undefined {
  // Two cookies of that name: better-auth picks one by its own rules, so let it.
  if (cookies.indexOf(`${name}=`) !== cookies.lastIndexOf(`${name}=`)) return undefined;
  const value = parseCookies(cookies).get(name);
  const dot = value?.lastIndexOf(".") ?? -1;
  if (!value || dot < 1) return undefined;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
}

/**
 * A request's member read straight from the database (one query), where better-auth's getSession would
 * answer the same and write nothing: the cookie is well signed, names a session that exists, has not
 * expired and is not due to be extended. Read on every request, so a sign-out, a revoked session or a
 * disabled member counts at once on every instance. `null`: a disabled member; `undefined`: anything else
 * (no cookie, a bad signature, no such session, expired, due for extension), which better-auth decides.
 */
export async function memberFromSessionRow(auth: Auth, headers: Headers): Promise<SessionUser | null | undefined> {
  const cookies = headers.get("cookie");
  if (!cookies) return undefined;
  const context = await auth.$context;
  const token = signedToken(cookies, context.authCookies.sessionToken.name, context.secret);
  const row = token ? await sessionByToken(token) : undefined;
  if (!row) return undefined;
  const { expiresIn, updateAge } = context.sessionConfig;
  const expiresAt = row.expiresAt.getTime();
  // better-auth moves expiresAt forward once it is within (expiresIn - updateAge) of now: leave that to it.
  if (expiresAt <= Date.now() || expiresAt - expiresIn * 1000 + updateAge * 1000 <= Date.now()) return undefined;
  if (row.user.banned) return null;
  const { id, email, name, role } = row.user;
  return { id, email, name, role: role === "admin" ? "admin" : "member" };
}
