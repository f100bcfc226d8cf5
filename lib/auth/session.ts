import "server-only";
import { headers as requestHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { bearerOf, tokenMember, type TokenOutcome } from "./bearer";
import { getAuth } from "./server";
import { memberFromSessionRow } from "./session-row";
import { hasUsers } from "./setup";
import type { SessionUser } from "./user";

const READ_METHODS = new Set(["GET", "HEAD"]);

/** The member of a request's session cookie, or null (no cookie, expired, revoked or disabled). */
async function sessionMember(headers: Headers): Promise<SessionUser | null> {
  const known = await memberFromSessionRow(headers);
  if (known !== undefined) return known;
  const auth = await getAuth();
  const result = await auth.api.getSession({ headers });
  if (!result || result.user.banned) return null;
  const { id, email, name, role } = result.user;
  return { id, email, name, role: role === "admin" ? "admin" : "member" };
}

/** A request with `Authorization: Bearer` is the token's member and nobody else's: its cookies are ignored. */
async function authenticate(headers: Headers): Promise<TokenOutcome | { user: SessionUser | null; refusal?: undefined }> {
  const bearer = bearerOf(headers);
  return bearer === undefined ? { user: await sessionMember(headers) } : tokenMember(bearer);
}

/** The member of a request (by its API token, else its session), or null. */
export async function currentUser(headers: Headers): Promise<SessionUser | null> {
  return (await authenticate(headers)).user;
}

/**
 * The member of a request, or 401 (saying why a token was refused). A token's scope is enforced here, for
 * every route at once: a read-only token may only GET (or HEAD).
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const { user, refusal } = await authenticate(request.headers);
  if (refusal) throw new AppError("unauthorized", refusal, undefined, { "WWW-Authenticate": 'Bearer error="invalid_token"' });
  if (!user) throw new AppError("unauthorized", "Sign in to use Keyframe.");
  if (user.token?.scope === "read" && !READ_METHODS.has(request.method)) {
    throw new AppError("forbidden", "This token is read-only: it can only read (GET). Make a token with the generate scope to do this.");
  }
  return user;
}

/** An admin member; through a token, only one with the admin scope. */
export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.token && user.token.scope !== "admin") {
    throw new AppError("forbidden", "This token's scope is not admin: admin routes need an admin's token made with the admin scope.");
  }
  if (user.role !== "admin") throw new AppError("forbidden", "Only an admin can do that.");
  return user;
}

/** A member signed in with a browser session: API tokens are made and revoked there, never by a token. */
export async function requireSessionUser(request: Request): Promise<SessionUser> {
  if (bearerOf(request.headers) !== undefined) {
    throw new AppError("forbidden", "API tokens are managed from a browser session: sign in to Keyframe to make or revoke them.");
  }
  return requireUser(request);
}

/**
 * For pages: the member of the session cookie, or a redirect to sign-in (or to the first-run setup while no
 * account exists). A token never opens a page.
 */
export async function pageUser(next: string): Promise<SessionUser> {
  const user = await sessionMember(await requestHeaders());
  if (user) return user;
  if (!(await hasUsers())) redirect("/setup");
  redirect(`/sign-in?next=${encodeURIComponent(next)}`);
}
