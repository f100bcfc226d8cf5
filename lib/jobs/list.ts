import "server-only";
import { z } from "zod";
import { countActive, getJob, listJobs, type Cursor, type JobFilter } from "@/lib/db/queries/jobs";
import type { JobStatus } from "@/lib/db/schema";
import { userNames } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { isId } from "./ids";
import { marksFor } from "./marks";
import { STAR_FILTERS, STATUS_FILTERS, type JobPage, type JobView, type StatusFilter, type Viewer } from "./types";
import { toJobView } from "./view";

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(24),
  cursor: z.string().max(100).optional(),
  status: z.enum(STATUS_FILTERS, { error: `must be one of ${STATUS_FILTERS.join(", ")}` }).default("all"),
  q: z.string().trim().max(200, "Search text can be at most 200 characters.").optional(),
  scope: z.enum(["team", "mine"], { error: "must be team or mine" }).default("team"),
  starred: z.enum(STAR_FILTERS, { error: "must be me or anyone" }).optional(),
});

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

export type ListQuery = z.infer<typeof listQuerySchema>;

export async function jobPage(query: ListQuery, origin: string, viewer: Viewer): Promise<JobPage> {
  const filter: JobFilter = {
    statuses: FILTER_STATUSES[query.status],
    q: query.q || undefined,
    userId: query.scope === "mine" ? viewer.id : undefined,
    starred: query.starred ? { by: query.starred === "me" ? viewer.id : undefined } : undefined,
  };
  const [{ rows, next }, counts, names] = await Promise.all([
    listJobs(query.limit, query.cursor ? decodeCursor(query.cursor) : undefined, filter),
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
  };
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
