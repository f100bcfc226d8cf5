import "server-only";
import { and, count, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Schema } from "../backend";
import { getDb } from "../client";
import { preparedPerDatabase } from "../prepared";
import type { ApiToken } from "../schema";

/** A token as lists show it: never its hash. */
export type TokenRow = Omit<ApiToken, "tokenHash" | "userId" | "revokedAt">;
export type TeamTokenRow = TokenRow & { userId: string; memberName: string; memberEmail: string };

const byHash = preparedPerDatabase(({ db, t }) =>
  db
    .select({
      id: t.apiTokens.id,
      scope: t.apiTokens.scope,
      expiresAt: t.apiTokens.expiresAt,
      lastUsedAt: t.apiTokens.lastUsedAt,
      revokedAt: t.apiTokens.revokedAt,
      user: { id: t.user.id, email: t.user.email, name: t.user.name, role: t.user.role, banned: t.user.banned },
    })
    .from(t.apiTokens)
    .innerJoin(t.user, eq(t.user.id, t.apiTokens.userId))
    .where(eq(t.apiTokens.tokenHash, sql.placeholder("hash")))
    .limit(1)
    .prepare(),
);

export type TokenAuthRow = Awaited<ReturnType<ReturnType<typeof byHash>["execute"]>>[number];

/** The token with that hash and its member, in one query (revoked and expired ones too, so a 401 can say which). */
export async function tokenByHash(hash: string): Promise<TokenAuthRow | undefined> {
  const [row] = await byHash(await getDb()).execute({ hash });
  return row;
}

/** Marks the token used now, unless it was marked within `withinMs`: at most one write a minute per token, on any instance. */
export async function touchToken(id: string, now: number, withinMs: number): Promise<void> {
  const { db, t } = await getDb();
  await db
    .update(t.apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(t.apiTokens.id, id), or(isNull(t.apiTokens.lastUsedAt), lt(t.apiTokens.lastUsedAt, now - withinMs))));
}

const live = (t: Schema, now: number) =>
  and(isNull(t.apiTokens.revokedAt), or(isNull(t.apiTokens.expiresAt), gt(t.apiTokens.expiresAt, now)));

const listColumns = (t: Schema) => ({
  id: t.apiTokens.id,
  name: t.apiTokens.name,
  prefix: t.apiTokens.prefix,
  scope: t.apiTokens.scope,
  createdAt: t.apiTokens.createdAt,
  expiresAt: t.apiTokens.expiresAt,
  lastUsedAt: t.apiTokens.lastUsedAt,
});

/**
 * Stores a new token unless its member already has `max` live ones (checked and written as one step per
 * member, on any instance). False when over the limit.
 */
export async function insertToken(row: ApiToken, max: number): Promise<boolean> {
  const backend = await getDb();
  return backend.exclusive(`tokens:${row.userId}`, async ({ db, t }) => {
    const [n] = await db
      .select({ n: count() })
      .from(t.apiTokens)
      .where(and(eq(t.apiTokens.userId, row.userId), live(t, row.createdAt)));
    if (Number(n?.n ?? 0) >= max) return false;
    await db.insert(t.apiTokens).values(row);
    return true;
  });
}

/** A member's live tokens (not revoked, not expired), newest first. */
export async function memberTokens(userId: string, now: number): Promise<TokenRow[]> {
  const { db, t } = await getDb();
  return db
    .select(listColumns(t))
    .from(t.apiTokens)
    .where(and(eq(t.apiTokens.userId, userId), live(t, now)))
    .orderBy(desc(t.apiTokens.createdAt));
}

/** Every member's live tokens, newest first, with whose each is. */
export async function teamTokens(now: number): Promise<TeamTokenRow[]> {
  const { db, t } = await getDb();
  return db
    .select({ ...listColumns(t), userId: t.apiTokens.userId, memberName: t.user.name, memberEmail: t.user.email })
    .from(t.apiTokens)
    .innerJoin(t.user, eq(t.user.id, t.apiTokens.userId))
    .where(live(t, now))
    .orderBy(desc(t.apiTokens.createdAt));
}

/** Revokes a live token (a member's own, or anyone's when `userId` is null); false when there is none to revoke. */
export async function revokeToken(id: string, userId: string | null, now: number): Promise<boolean> {
  const { db, t } = await getDb();
  const own = userId === null ? undefined : eq(t.apiTokens.userId, userId);
  const rows = await db
    .update(t.apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(t.apiTokens.id, id), isNull(t.apiTokens.revokedAt), own))
    .returning({ id: t.apiTokens.id });
  return rows.length > 0;
}
