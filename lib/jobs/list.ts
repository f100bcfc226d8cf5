import "server-only";
import { z } from "zod";
import { countActive, getJob, listJobs, type Cursor } from "@/lib/db/queries";
import { AppError } from "@/lib/errors";
import { isId } from "./ids";
import type { JobPage, JobView } from "./types";
import { toJobView } from "./view";

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(24),
  cursor: z.string().max(100).optional(),
});

const encodeCursor = (c: Cursor) => Buffer.from(`${c.createdAt}:${c.id}`).toString("base64url");

function decodeCursor(value: string): Cursor {
  const [at, id] = Buffer.from(value, "base64url").toString("utf8").split(":");
  const createdAt = Number(at);
  if (!id || !Number.isSafeInteger(createdAt)) throw new AppError("bad_request", "Invalid cursor.", { cursor: "Invalid cursor." });
  return { createdAt, id };
}

export async function jobPage(query: z.infer<typeof listQuerySchema>): Promise<JobPage> {
  const [{ rows, next }, activeCount] = await Promise.all([
    listJobs(query.limit, query.cursor ? decodeCursor(query.cursor) : undefined),
    countActive(),
  ]);
  return { jobs: rows.map(toJobView), nextCursor: next ? encodeCursor(next) : null, activeCount };
}

export async function jobById(id: string): Promise<JobView> {
  const job = isId(id) ? await getJob(id) : undefined;
  if (!job) throw new AppError("not_found", "No job with that id.");
  return toJobView(job);
}
