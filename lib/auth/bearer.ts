import "server-only";
import { createHash } from "node:crypto";
import { tokenByHash, touchToken } from "@/lib/db/queries/tokens";
import type { SessionUser } from "./user";

/** `kf_` and 32 random bytes in base64url. */
export const TOKEN_PATTERN = /^kf_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt moves at most this often per token: a script's every request is not a write. */
export const LAST_USED_EVERY_MS = 60_000;

export const hashToken = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** The credentials after `Bearer ` in the Authorization header, or undefined when there is no bearer header. */
export function bearerOf(headers: Headers): string | undefined {
  const match = /^\s*bearer\s+(.*)$/i.exec(headers.get("authorization") ?? "");
  return match ? match[1]!.trim() : undefined;
}

/** The member a bearer token stands for, or why it stands for nobody (in words a caller can act on). */
export type TokenOutcome = { user: SessionUser; refusal?: undefined } | { user: null; refusal: string };

const dateOf = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

/** Checks a bearer token in one query (the token joined with its member) and notes its use (at most once a minute). */
export async function tokenMember(secret: string, now = Date.now()): Promise<TokenOutcome> {
  const row = TOKEN_PATTERN.test(secret) ? await tokenByHash(hashToken(secret)) : undefined;
  if (!row)
    return { user: null, refusal: "This API token is not known: check that it was copied whole, or make a new one on the API page." };
  if (row.revokedAt !== null) return { user: null, refusal: "This API token was revoked. Make a new one on the API page." };
  if (row.expiresAt !== null && row.expiresAt <= now) {
    return { user: null, refusal: `This API token expired at ${dateOf(row.expiresAt)}. Make a new one on the API page.` };
  }
  if (row.user.banned) return { user: null, refusal: "This API token's member is disabled, so the token no longer works." };
  if (row.lastUsedAt === null || now - row.lastUsedAt >= LAST_USED_EVERY_MS) await touchToken(row.id, now, LAST_USED_EVERY_MS);
  const { id, email, name, role } = row.user;
  // An admin's read or generate token acts as a member: an admin's powers (managing anyone's takes, boards,
  // links, presets) go only with the admin scope, so a leaked script token cannot wield them.
  const acting = role === "admin" && row.scope === "admin" ? "admin" : "member";
  return { user: { id, email, name, role: acting, token: { id: row.id, scope: row.scope } } };
}
