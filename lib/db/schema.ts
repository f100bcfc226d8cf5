import type * as pgAuth from "./pg/auth-schema";
import type * as pg from "./pg/schema";
import type * as sqliteAuth from "./sqlite/auth-schema";
import type * as sqlite from "./sqlite/schema";

export * from "./enums";

/** Row types, the same whichever database is in use (checked below). */
export type Job = typeof sqlite.jobs.$inferSelect;
export type NewJob = typeof sqlite.jobs.$inferInsert;
export type LedgerEntry = typeof sqlite.ledger.$inferSelect;
export type User = typeof sqliteAuth.user.$inferSelect;
export type Storyboard = typeof sqlite.storyboards.$inferSelect;
export type Shot = typeof sqlite.shots.$inferSelect;
export type Film = typeof sqlite.films.$inferSelect;
export type NewFilm = typeof sqlite.films.$inferInsert;
export type ReviewLink = typeof sqlite.reviewLinks.$inferSelect;
export type ReviewFeedback = typeof sqlite.reviewFeedback.$inferSelect;
export type Preset = typeof sqlite.presets.$inferSelect;
export type ApiToken = typeof sqlite.apiTokens.$inferSelect;
export type Hook = typeof sqlite.hooks.$inferSelect;
export type HookDelivery = typeof sqlite.hookDeliveries.$inferSelect;
export type JobGroup = typeof sqlite.jobGroups.$inferSelect;
export type ReviewComment = typeof sqlite.reviewComments.$inferSelect;
export type ReviewLinkControls = typeof sqlite.reviewLinkControls.$inferSelect;
export type ReviewDecisionRow = typeof sqlite.reviewDecisions.$inferSelect;
export type ReviewVersion = typeof sqlite.reviewVersions.$inferSelect;
export type ReviewVisit = typeof sqlite.reviewVisits.$inferSelect;

// Both dialects' tables must read and write the very same shapes, or queries written once would lie.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Rows<T extends Record<string, { $inferSelect: unknown; $inferInsert: unknown }>> = {
  [K in keyof T]: [T[K]["$inferSelect"], T[K]["$inferInsert"]];
};
type Tables<S> = { [K in keyof S as S[K] extends { $inferSelect: unknown } ? K : never]: S[K] };
type SqliteRows = Rows<Tables<typeof sqlite & typeof sqliteAuth>>;
type PgRows = Rows<Tables<typeof pg & typeof pgAuth>>;
const sameShapes: Same<SqliteRows, PgRows> = true;
void sameShapes;
