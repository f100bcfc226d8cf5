import type { TokenScope } from "@/lib/db/enums";

export type Role = "admin" | "member";

/**
 * A signed-in member, as every route and page sees them. `token` is set when the request came with
 * `Authorization: Bearer kf_…` instead of a session cookie: which token, and what its scope lets it do.
 */
export type SessionUser = { id: string; email: string; name: string; role: Role; token?: { id: string; scope: TokenScope } };
