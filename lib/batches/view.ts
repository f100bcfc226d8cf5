import type { JobGroup, JobStatus } from "@/lib/db/schema";

export type BatchView = {
  id: string;
  name: string;
  source: JobGroup["source"];
  total: number;
  queued: number;
  running: number;
  completed: number;
  failed: number;
  cancelled: number;
  createdAt: string;
  cancelledAt: string | null;
};

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
