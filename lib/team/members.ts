import "server-only";
import { getAuth } from "@/lib/auth/server";
import type { SessionUser } from "@/lib/auth/user";
import { listUsers, userNames } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import type { MemberUpdate, NewMemberInput } from "@/lib/validations/account";

const authRole = (role: "admin" | "member") => (role === "admin" ? "admin" : "user");

export type Member = { id: string; name: string; email: string; role: "admin" | "member"; disabled: boolean; createdAt: string };

type UserRow = { id: string; name: string; email: string; role?: string | null; banned?: boolean | null; createdAt: Date };

const toMember = (u: UserRow): Member => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role === "admin" ? "admin" : "member",
  disabled: Boolean(u.banned),
  createdAt: u.createdAt.toISOString(),
});

export async function listMembers(): Promise<Member[]> {
  return (await listUsers()).map(toMember);
}

/** Display names by user id, for "who made what". */
export const memberNames = userNames;

/** An admin adds someone; the password is hashed by better-auth (scrypt, a memory-hard KDF). */
export async function createMember(input: NewMemberInput): Promise<Member> {
  const auth = await getAuth();
  try {
    const created = await auth.api.createUser({
      body: { name: input.name, email: input.email, password: input.password, role: authRole(input.role) },
    });
    return toMember(created.user);
  } catch (error) {
    if (/exist/i.test((error as Error).message)) {
      throw new AppError("conflict", "Someone already has that email.", { email: "Someone already has that email." });
    }
    throw error;
  }
}

/** Reset a password, change a role, or disable (sessions end at once) / enable an account. */
export async function updateMember(actor: SessionUser, headers: Headers, id: string, change: MemberUpdate): Promise<Member> {
  const members = await listMembers();
  const target = members.find((m) => m.id === id);
  if (!target) throw new AppError("not_found", "No such member.");
  const admins = members.filter((m) => m.role === "admin" && !m.disabled);
  const losesAdmin = target.role === "admin" && (change.role === "member" || change.disabled === true);
  if (losesAdmin && admins.length <= 1) throw new AppError("conflict", "Keyframe needs at least one active admin.");
  if (id === actor.id && change.disabled) throw new AppError("conflict", "You cannot disable your own account.");

  const auth = await getAuth();
  // The acting admin's own session authorizes each call inside better-auth too.
  if (change.password) {
    await auth.api.setUserPassword({ body: { userId: id, newPassword: change.password }, headers });
    await auth.api.revokeUserSessions({ body: { userId: id }, headers });
  }
  if (change.role) await auth.api.setRole({ body: { userId: id, role: authRole(change.role) }, headers });
  if (change.disabled === true) await auth.api.banUser({ body: { userId: id, banReason: "Disabled by an admin" }, headers });
  if (change.disabled === false) await auth.api.unbanUser({ body: { userId: id }, headers });
  return (await listMembers()).find((m) => m.id === id)!;
}
