"use client";

import { useEffect, useState } from "react";
import { send } from "@/lib/http/fetcher";

/** Tells the server this reviewer opened the link (once per page load); answers the version they saw last time. */
export function useVisit(token: string, reviewerId: string | null, name: string) {
  const [seen, setSeen] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    if (!reviewerId) return;
    send<{ seenVersion: number | null }>(`/api/review/${token}/visit`, "POST", { reviewerId, name: name.trim().slice(0, 60) }).then(
      (answer) => setSeen(answer?.seenVersion ?? null),
      () => setSeen(null),
    );
    // Once per page load: a name typed later is sent with the next visit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, reviewerId]);
  return seen;
}
