export type Role = "admin" | "member";

/** A signed-in member, as every route and page sees them. */
export type SessionUser = { id: string; email: string; name: string; role: Role };
