import "server-only";
import { randomBytes } from "node:crypto";
import { insertToken, memberTokens, revokeToken, teamTokens, type TokenRow } from "@/lib/db/queries/tokens";
import { AppError } from "@/lib/errors";
import { isId, newId } from "@/lib/jobs/ids";
import { TOKENS_PER_MEMBER, type CreateToken, type TeamTokenView, type TokenView } from "@/lib/validations/tokens";
import { hashToken } from "./bearer";
import type { SessionUser } from "./user";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many characters of a token its lists show (`kf_` and seven more): enough to tell tokens apart, useless to guess. */
export const PREFIX_LENGTH = 10;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const toView = (row: TokenRow): TokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scope: row.scope,
  createdAt: iso(row.createdAt)!,
  expiresAt: iso(row.expiresAt),
  lastUsedAt: iso(row.lastUsedAt),
});

/** A new token for `user`: its secret is answered here once and only its SHA-256 is kept. */
export async function makeToken(input: CreateToken, user: SessionUser, now = Date.now()): Promise<{ token: TokenView; secret: string }> {
  if (input.scope === "admin" && user.role !== "admin") {
    const message = "Only an admin can make a token with the admin scope.";
    throw new AppError("forbidden", message, { scope: message });
  }
  const secret = `kf_${randomBytes(32).toString("base64url")}`;
  const row = {
    id: newId(),
    userId: user.id,
    name: input.name,
    prefix: secret.slice(0, PREFIX_LENGTH),
    tokenHash: hashToken(secret),
    scope: input.scope,
    createdAt: now,
    expiresAt: input.expiresInDays ? now + input.expiresInDays * DAY_MS : null,
    lastUsedAt: null,
    revokedAt: null,
  };
  if (!(await insertToken(row, TOKENS_PER_MEMBER))) {
    const message = `You have ${TOKENS_PER_MEMBER} live tokens, the most a member may hold: revoke one you no longer use first.`;
    throw new AppError("conflict", message, { name: message });
  }
  return { token: toView(row), secret };
}

/** The member's own live tokens, newest first. */
export async function listTokens(user: SessionUser, now = Date.now()): Promise<TokenView[]> {
  return (await memberTokens(user.id, now)).map(toView);
}

/** Every member's live tokens, for an admin. */
export async function listTeamTokens(user: SessionUser, now = Date.now()): Promise<TeamTokenView[]> {
  if (user.role !== "admin") throw new AppError("forbidden", "Only an admin can see everyone's tokens.");
  return (await teamTokens(now)).map((row) => ({
    ...toView(row),
    member: { id: row.userId, name: row.memberName, email: row.memberEmail },
  }));
}

/** Revokes one of the member's tokens (an admin: anyone's), at once on every instance; 404 for any other id. */
export async function revokeTokenById(id: string, user: SessionUser, now = Date.now()): Promise<void> {
  const revoked = isId(id) && (await revokeToken(id, user.role === "admin" ? null : user.id, now));
  if (!revoked) throw new AppError("not_found", "No live token with that id is yours to revoke.");
}
