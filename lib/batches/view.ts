import type * as z from "zod";
import type { batchViewSchema } from "@/lib/validations/batch";
import type { JobGroup, JobStatus } from "@/lib/db/schema";

export type BatchView = z.infer<typeof batchViewSchema>;

/** A batch with its takes counted by where they are: "12 of 40 done" is completed of total. */
export function toBatchView(group: JobGroup, counts: Partial<Record<JobStatus, number>>): BatchView {
  const n = (...statuses: JobStatus[]) => statuses.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return {
    id: group.id,
    name: group.name,
    source: group.source,
    total: group.total,
    queued: n("queued"),
    running: n("submitting", "submitted", "processing"),
    completed: n("completed"),
    failed: n("failed", "unknown"),
    cancelled: n("cancelled"),
    createdAt: new Date(group.createdAt).toISOString(),
    cancelledAt: group.cancelledAt === null ? null : new Date(group.cancelledAt).toISOString(),
  };
}
