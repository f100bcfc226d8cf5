"use client";

import { useState } from "react";
import { send } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import { revalidateJobs } from "./use-jobs";

/** The viewer's own star on a take, shown as set from the moment it is pressed until the gallery has it. */
export function useStar(job: JobView): { on: boolean; toggle: () => Promise<void> } {
  const [pending, setPending] = useState<boolean | null>(null);
  const on = pending ?? job.stars.mine;
  const toggle = async () => {
    setPending(!on);
    try {
      await send(`/api/jobs/${job.id}/star`, on ? "DELETE" : "PUT");
      revalidateJobs();
    } finally {
      setPending(null);
    }
  };
  return { on, toggle };
}
