import "server-only";
import { headers as requestHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getAuth } from "./server";
import { memberFromSessionRow } from "./session-row";
import { hasUsers } from "./setup";
import type { SessionUser } from "./user";

/** The signed-in user of a request, or null (no cookie, expired, revoked or disabled). */
export async function currentUser(headers: Headers): Promise<SessionUser | null> {
  const known = await memberFromSessionRow(headers);
  if (known !== undefined) return known;
  const auth = await getAuth();
  const result = await auth.api.getSession({ headers });
  if (!result || result.user.banned) return null;
  const { id, email, name, role } = result.user;
  return { id, email, name, role: role === "admin" ? "admin" : "member" };
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await currentUser(request.headers);
  if (!user) throw new AppError("unauthorized", "Sign in to use Keyframe.");
  return user;
}

export async function requireAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== "admin") throw new AppError("forbidden", "Only an admin can do that.");
  return user;
}

/** For pages: the user, or a redirect to sign-in (or to the first-run setup while no account exists). */
export async function pageUser(next: string): Promise<SessionUser> {
  const user = await currentUser(await requestHeaders());
  if (user) return user;
  if (!(await hasUsers())) redirect("/setup");
  redirect(`/sign-in?next=${encodeURIComponent(next)}`);
}
