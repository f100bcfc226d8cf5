"use client";

import useSWR from "swr";
import type { BatchDetail } from "@/lib/batches/progress";
import type { BatchView } from "@/lib/batches/view";
import { fetcher } from "@/lib/http/fetcher";

/** Still moving: some takes queued or at WaveSpeed. */
export const isActive = (b: BatchView) => b.queued + b.running > 0;

/** "12 of 40 done", and what else there is to say. */
export function progressText(b: BatchView): string {
  const rest = [
    b.running ? `${b.running} running` : "",
    b.queued ? `${b.queued} queued` : "",
    b.failed ? `${b.failed} failed` : "",
    b.cancelled ? `${b.cancelled} cancelled` : "",
  ];
  const extra = rest.filter(Boolean).join(", ");
  return `${b.completed} of ${b.total} done${extra ? ` · ${extra}` : ""}`;
}

export function useBatch(id: string) {
  return useSWR<BatchDetail>(`/api/batches/${id}`, fetcher, {
    refreshInterval: (data) => (data && !isActive(data.batch) ? 0 : 2000),
  });
}

export function useBatches() {
  return useSWR<{ batches: BatchView[] }>("/api/batches", fetcher, {
    refreshInterval: (data) => (data?.batches.some(isActive) ? 2000 : 0),
  });
}
