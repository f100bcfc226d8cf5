import "server-only";
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Schema } from "../backend";
import { getDb, type Backend } from "../client";
import { preparedPerDatabase } from "../prepared";
import type { Job, JobStatus } from "../schema";

/** What the gallery lists: pages of jobs by filter, newest first, and what changed since a poll. */

export type Cursor = { createdAt: number; id: string };
/** `starred`: only takes with a star (by that member, or by anyone when `by` is absent). */
export type JobFilter = {
  statuses?: JobStatus[];
  q?: string;
  userId?: string;
  starred?: { by?: string };
  groupId?: string;
  model?: string;
};

/** A gallery filter as a condition: status tab, prompt search (through its index), Mine, Stars. */
function matching({ db, t, promptMatches }: Backend, filter: JobFilter): SQL | undefined {
  const starred = filter.starred
    ? db
        .select({ id: t.stars.jobId })
        .from(t.stars)
        .where(filter.starred.by ? eq(t.stars.userId, filter.starred.by) : undefined)
    : undefined;
  return and(
    filter.statuses ? inArray(t.jobs.status, filter.statuses) : undefined,
    filter.groupId ? eq(t.jobs.groupId, filter.groupId) : undefined,
    filter.model ? eq(t.jobs.model, filter.model) : undefined,
    filter.q ? promptMatches(filter.q) : undefined,
    filter.userId ? eq(t.jobs.userId, filter.userId) : undefined,
    starred ? inArray(t.jobs.id, starred) : undefined,
  );
}

/** How many of the newest rows a search reads row by row before it turns to the search index. */
const SEARCH_WINDOW = 1000;

/**
 * Newest first, keyset-paginated so pages stay stable while new jobs arrive. A prompt search first reads
 * the newest rows in order and checks each: a common word fills the page within a few hundred rows, where
 * the index would hand back every match in the install to be sorted. A rarer word falls through to the
 * index. Either way the page is the same: the window is a prefix of the order, so a page found inside it
 * is the page.
 */
export async function listJobs(limit: number, cursor?: Cursor, filter: JobFilter = {}): Promise<{ rows: Job[]; next?: Cursor }> {
  const backend = await getDb();
  const { db, t } = backend;
  const after = cursor
    ? or(lt(t.jobs.createdAt, cursor.createdAt), and(eq(t.jobs.createdAt, cursor.createdAt), lt(t.jobs.id, cursor.id)))
    : undefined;
  const newestFirst = [desc(t.jobs.createdAt), desc(t.jobs.id)] as const;
  const contains = filter.q ? backend.promptContains(filter.q) : null;
  if (contains) {
    // Filtered outside the LIMITed derived table, so no planner can answer with the search index instead.
    const newest = db
      .select()
      .from(t.jobs)
      .where(and(after, matching(backend, { ...filter, q: undefined })))
      .orderBy(...newestFirst)
      .limit(SEARCH_WINDOW)
      .as("newest");
    const rows = (await db
      .select()
      .from(newest)
      .where(contains(newest.prompt))
      .orderBy(desc(newest.createdAt), desc(newest.id))
      .limit(limit + 1)) as Job[];
    if (rows.length > limit) return paged(rows, limit);
  }
  const rows = await db
    .select()
    .from(t.jobs)
    .where(and(after, matching(backend, filter)))
    .orderBy(...newestFirst)
    .limit(limit + 1);
  return paged(rows, limit);
}

function paged(rows: Job[], limit: number): { rows: Job[]; next?: Cursor } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : undefined };
}

export type ChangeMarks = { counter: number; changed: number; deleted: number; users: number };

/** The change marks as columns of a select (see changeMarks), for queries that read them with something else. */
export const changeMarkColumns = (t: Schema) => ({
  counter: sql<number | null>`(select ${t.counters.value} from ${t.counters} where ${t.counters.key} = 'jobs')`,
  changed: sql<number | null>`(select max(${t.jobs.changedAt}) from ${t.jobs})`,
  deleted: sql<number | null>`(select max(${t.jobTombstones.deletedAt}) from ${t.jobTombstones})`,
  users: sql<unknown>`(select max(${t.user.updatedAt}) from ${t.user})`,
});

const asNumber = (v: unknown) =>
  v instanceof Date ? v.getTime() : typeof v === "string" && !/^\d+$/.test(v) ? Date.parse(v) : Number(v ?? 0);

/** Those columns as read (each dialect returns its own types) as numbers. */
export const toChangeMarks = (row: { counter: unknown; changed: unknown; deleted: unknown; users: unknown } | undefined): ChangeMarks => ({
  counter: asNumber(row?.counter),
  changed: asNumber(row?.changed),
  deleted: asNumber(row?.deleted),
  users: asNumber(row?.users),
});

const marks = preparedPerDatabase(({ db, t }) =>
  db
    .select(changeMarkColumns(t))
    .from(sql`(select 1) as one`)
    .prepare(),
);

/**
 * Where the gallery's data stands, in one round trip: `counter` moves on every change a gallery could show
 * (a trigger counts them, whatever clock stamped them); `changed` and `deleted` are the newest change and
 * deletion times (the start of the next "what changed since"); `users` moves when a member changes.
 */
export async function changeMarks(): Promise<ChangeMarks> {
  const [row] = await marks(await getDb()).execute();
  return toChangeMarks(row);
}

/**
 * Jobs changed since `since` (up to `limit`, oldest change first), each with whether it matches `filter`,
 * and the ids deleted since `deletedSince`.
 */
export async function changesSince(
  since: number,
  deletedSince: number,
  filter: JobFilter,
  limit: number,
): Promise<{ rows: Job[]; matching: Set<string>; deleted: string[] }> {
  const backend = await getDb();
  const { db, t } = backend;
  const changed = gt(t.jobs.changedAt, since);
  const [rows, matches, gone] = await Promise.all([
    db.select().from(t.jobs).where(changed).orderBy(asc(t.jobs.changedAt)).limit(limit),
    db
      .select({ id: t.jobs.id })
      .from(t.jobs)
      .where(and(changed, matching(backend, filter)))
      .limit(limit),
    db.select({ id: t.jobTombstones.id }).from(t.jobTombstones).where(gt(t.jobTombstones.deletedAt, deletedSince)),
  ]);
  return { rows, matching: new Set(matches.map((r) => r.id)), deleted: gone.map((r) => r.id) };
}
