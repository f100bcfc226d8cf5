import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseCookies } from "better-auth/cookies";
import { sessionByToken, type SessionRow } from "@/lib/db/queries/sessions";
import { bearerOf } from "./bearer";
import { getAuth } from "./server";
import type { SessionUser } from "./user";

/**
 * The token in a request's session cookie when its signature holds: base64 HMAC-SHA256 of the token under
 * the auth secret, as better-auth signs it. Checked here with node:crypto, synchronously; better-auth's own
 * check goes through WebCrypto, which cost more than all the rest of an unchanged gallery poll.
 */
export async function signedSessionToken(headers: Headers): Promise<string | undefined> {
  const cookies = headers.get("cookie");
  // A request with a bearer token is that token's, whatever cookies it carries (see ./session.ts).
  if (!cookies || bearerOf(headers) !== undefined) return undefined;
  const { authCookies, secret } = await (await getAuth()).$context;
  const name = authCookies.sessionToken.name;
  // Two cookies of that name (however spaced): better-auth picks one by its own rules, so let it.
  if (cookies.split(";").filter((pair) => pair.split("=", 1)[0]!.trim() === name).length > 1) return undefined;
  const value = parseCookies(cookies).get(name);
  const dot = value?.lastIndexOf(".") ?? -1;
  if (!value || dot < 1) return undefined;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : undefined;
}

/**
 * The member of a session row read straight from the database, where better-auth's getSession would answer
 * the same and write nothing: the session has not expired and is not due to be extended. Read on every
 * request, so a sign-out, a revoked session or a disabled member counts at once on every instance. `null`:
 * a disabled member; `undefined`: expired or due for extension, which better-auth decides (and does).
 */
export async function memberOfSession(row: SessionRow): Promise<SessionUser | null | undefined> {
  const { expiresIn, updateAge } = (await (await getAuth()).$context).sessionConfig;
  const expiresAt = row.expiresAt.getTime();
  // better-auth moves expiresAt forward once it is within (expiresIn - updateAge) of now: leave that to it.
  if (expiresAt <= Date.now() || expiresAt - expiresIn * 1000 + updateAge * 1000 <= Date.now()) return undefined;
  if (row.user.banned) return null;
  const { id, email, name, role } = row.user;
  return { id, email, name, role: role === "admin" ? "admin" : "member" };
}

/** A request's member from its cookie and one query (see above); `undefined` wherever better-auth must decide. */
export async function memberFromSessionRow(headers: Headers): Promise<SessionUser | null | undefined> {
  const token = await signedSessionToken(headers);
  const row = token ? await sessionByToken(token) : undefined;
  return row ? memberOfSession(row) : undefined;
}
