"use client";

import { useState } from "react";
import { send } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import { revalidateJobs } from "./use-jobs";

/**
 * The viewer's own star on a take, shown as set from the moment it is pressed until the list the take comes
 * from (the gallery's, a board's) has it: no flip back while that list is fetched again.
 */
export function useStar(job: JobView): { on: boolean; toggle: () => Promise<void> } {
  const [pending, setPending] = useState<{ want: boolean; sent: boolean } | null>(null);
  if (pending?.sent && job.stars.mine === pending.want) setPending(null);
  const on = pending?.want ?? job.stars.mine;
  const toggle = async () => {
    const want = !on;
    setPending({ want, sent: false });
    try {
      await send(`/api/jobs/${job.id}/star`, want ? "PUT" : "DELETE");
      setPending((p) => (p?.want === want ? { want, sent: true } : p));
      revalidateJobs();
    } catch (error) {
      setPending((p) => (p?.want === want ? null : p));
      throw error;
    }
  };
  return { on, toggle };
}
