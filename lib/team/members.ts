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
export async function updateMember(actor: SessionUser, id: string, change: MemberUpdate): Promise<Member> {
  const members = await listMembers();
  const target = members.find((m) => m.id === id);
  if (!target) throw new AppError("not_found", "No such member.");
  const admins = members.filter((m) => m.role === "admin" && !m.disabled);
  const losesAdmin = target.role === "admin" && (change.role === "member" || change.disabled === true);
  if (losesAdmin && admins.length <= 1) throw new AppError("conflict", "Keyframe needs at least one active admin.");
  if (id === actor.id && change.disabled) throw new AppError("conflict", "You cannot disable your own account.");
  // A token that could set its own member's password could sign in as them, and then make tokens.
  if (id === actor.id && change.password && actor.token) {
    const message = "A token cannot set its own member's password: change it from a browser session.";
    throw new AppError("forbidden", message, { password: message });
  }

  // The acting admin is checked by the route (a session or an admin-scope token), so these go straight to
  // better-auth's adapter: its admin endpoints would ask for a session cookie a script does not have.
  const { internalAdapter, password } = await (await getAuth()).$context;
  if (change.password) {
    const hash = await password.hash(change.password);
    if (await internalAdapter.findCredentialAccount(id)) await internalAdapter.updatePassword(id, hash);
    else await internalAdapter.createAccount({ userId: id, providerId: "credential", accountId: id, password: hash });
    await internalAdapter.deleteUserSessions(id);
  }
  if (change.role) await internalAdapter.updateUser(id, { role: authRole(change.role) });
  if (change.disabled === true) {
    await internalAdapter.updateUser(id, { banned: true, banReason: "Disabled by an admin", banExpires: null });
    await internalAdapter.deleteUserSessions(id);
  }
  if (change.disabled === false) await internalAdapter.updateUser(id, { banned: false, banReason: null, banExpires: null });
  return (await listMembers()).find((m) => m.id === id)!;
}
