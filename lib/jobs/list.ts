import "server-only";
import { createHash } from "node:crypto";
import { memberOfSession, signedSessionToken } from "@/lib/auth/session-row";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/user";
import { changeMarks, changesSince, listJobs, type ChangeMarks, type Cursor, type JobFilter } from "@/lib/db/queries/gallery";
import { sessionWithChangeMarks } from "@/lib/db/queries/sessions";
import { countActive, getJob } from "@/lib/db/queries/jobs";
import type { JobStatus } from "@/lib/db/schema";
import { userNames } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { isId } from "./ids";
import { marksFor } from "./marks";
import { type JobChanges, type JobPage, type JobView, type StatusFilter, type Viewer } from "./types";
import { toJobView } from "./view";
import type { ChangesQuery, ListQuery } from "@/lib/validations/jobs";

export { changesQuerySchema, listQuerySchema } from "@/lib/validations/jobs";

const FILTER_STATUSES: Record<StatusFilter, JobStatus[] | undefined> = {
  all: undefined,
  active: ["queued", "submitting", "submitted", "processing"],
  completed: ["completed"],
  failed: ["failed", "unknown"],
};

const encodeCursor = (c: Cursor) => Buffer.from(`${c.createdAt}:${c.id}`).toString("base64url");

function decodeCursor(value: string): Cursor {
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split(":");
  const createdAt = Number(at);
  if (!id || !Number.isSafeInteger(createdAt)) throw new AppError("bad_request", "Invalid cursor.", { cursor: "Invalid cursor." });
  return { createdAt, id };
}

const filterOf = (query: Pick<ListQuery, "status" | "q" | "scope" | "starred" | "group" | "model">, viewer: Viewer): JobFilter => ({
  statuses: FILTER_STATUSES[query.status],
  q: query.q || undefined,
  userId: query.scope === "mine" ? viewer.id : undefined,
  starred: query.starred ? { by: query.starred === "me" ? viewer.id : undefined } : undefined,
  groupId: query.group || undefined,
  model: query.model,
});

export async function jobPage(query: ListQuery, origin: string, viewer: Viewer): Promise<JobPage> {
  // Read before the rows: a change made meanwhile is then reported again, never missed.
  const version = encodeVersion(await changeMarks());
  const [{ rows, next }, counts, names] = await Promise.all([
    listJobs(query.limit, query.cursor ? decodeCursor(query.cursor) : undefined, filterOf(query, viewer)),
    countActive(),
    userNames(),
  ]);
  const marks = await marksFor(
    rows.map((r) => r.id),
    viewer.id,
    names,
  );
  return {
    jobs: rows.map((job) => toJobView(job, origin, viewer, names, marks.get(job.id))),
    nextCursor: next ? encodeCursor(next) : null,
    activeCount: counts.active,
    savingCount: counts.saving,
    version,
  };
}

/** Instances stamp changes with their own clocks: look this far back too (merging again is harmless). */
const CLOCK_SLACK_MS = 15_000;
const MAX_CHANGES = 200;

/** Deletions are remembered a day (job_tombstones); a gallery that has not asked for longer starts over. */
const REMEMBERED_MS = 23 * 60 * 60 * 1000;

/** What changed since a version, for a gallery that loaded its pages once and keeps them current. */
export async function jobChanges(query: ChangesQuery, origin: string, viewer: Viewer): Promise<JobChanges> {
  const since = decodeVersion(query.since);
  const now = await changeMarks();
  const version = encodeVersion(now);
  // A member renamed (or their role changed) shows on cards no job change would bring: load again.
  const stale = since.users !== now.users || (since.changed > 0 && Date.now() - since.changed > REMEMBERED_MS);
  if (stale) return { jobs: [], gone: [], version, activeCount: 0, savingCount: 0, reset: true };
  const [changes, counts, names] = await Promise.all([
    changesSince(since.changed - CLOCK_SLACK_MS, since.deleted - CLOCK_SLACK_MS, filterOf(query, viewer), MAX_CHANGES + 1),
    countActive(),
    userNames(),
  ]);
  const shown = changes.rows.filter((job) => changes.matching.has(job.id));
  const marks = await marksFor(
    shown.map((job) => job.id),
    viewer.id,
    names,
  );
  return {
    jobs: shown.map((job) => toJobView(job, origin, viewer, names, marks.get(job.id))),
    gone: [...changes.deleted, ...changes.rows.filter((job) => !changes.matching.has(job.id)).map((job) => job.id)],
    version,
    activeCount: counts.active,
    savingCount: counts.saving,
    reset: changes.rows.length > MAX_CHANGES,
  };
}

const encodeVersion = (m: ChangeMarks) => Buffer.from(`${m.changed}.${m.deleted}.${m.users}`).toString("base64url");

function decodeVersion(value: string): { changed: number; deleted: number; users: number } {
  const [changed, deleted, users] = Buffer.from(value, "base64url").toString("utf8").split(".").map(Number);
  if (!Number.isSafeInteger(changed) || !Number.isSafeInteger(deleted) || !Number.isSafeInteger(users)) {
    throw new AppError("bad_request", "Invalid version.", { since: "Invalid version." });
  }
  return { changed: changed!, deleted: deleted!, users: users! };
}

/**
 * A validator for a gallery answer, from the change marks alone: the change counter moves with every change
 * the answer could show, whoever made it; it also names who asks and what they asked.
 */
function galleryTag(m: ChangeMarks, search: string, origin: string, viewer: Viewer): string {
  const hash = createHash("sha1").update(`${m.counter}.${m.users}|${search}|${origin}|${viewer.id}|${viewer.role}`);
  return `"${hash.digest("base64url").slice(0, 22)}"`;
}

/**
 * Who asks for a gallery answer (401 without a session) and its validator. Galleries poll every few seconds
 * and most polls find nothing new, so where the session can be checked from its row alone (see
 * memberOfSession) the session and the change marks are read in one query.
 */
export async function galleryViewer(request: Request, origin: string): Promise<{ viewer: SessionUser; tag: string }> {
  const search = new URL(request.url).search;
  const token = await signedSessionToken(request.headers);
  const row = token ? await sessionWithChangeMarks(token) : undefined;
  const member = row && (await memberOfSession(row));
  if (row && member) return { viewer: member, tag: galleryTag(row.marks, search, origin, member) };
  const viewer = await requireUser(request);
  return { viewer, tag: galleryTag(await changeMarks(), search, origin, viewer) };
}

/** The job, or a 404 for an id that is malformed or unknown (the two are not told apart). */
export async function findJob(id: string) {
  const job = isId(id) ? await getJob(id) : undefined;
  if (!job) throw new AppError("not_found", "No job with that id.");
  return job;
}

export async function jobById(id: string, origin: string, viewer: Viewer): Promise<JobView> {
  const [job, names] = await Promise.all([findJob(id), userNames()]);
  return toJobView(job, origin, viewer, names, (await marksFor([job.id], viewer.id, names)).get(job.id));
}
