"use client";

import { usePlaygroundDispatch } from "./form-actions";
import { send } from "@/lib/http/fetcher";
import type { JobView } from "@/lib/jobs/types";
import { adoptJobs } from "./pending-takes";
import { revalidateJobs } from "./use-jobs";

export type Notify = (text: string, link?: string) => void;

/** What can be done to a take, from its card or from the viewer; `notify` shows the outcome beside whichever asked. */
export function useJobActions(job: JobView, notify: Notify) {
  const dispatch = usePlaygroundDispatch();
  const run = async (url: string, method: "POST" | "DELETE" | "PATCH", done: string, body?: unknown) => {
    try {
      await send(url, method, body);
      revalidateJobs();
      notify(done);
    } catch (error) {
      notify(error instanceof Error ? error.message : "That did not work.");
    }
  };

  const copyLink = async () => {
    try {
      let url = job.shareUrl;
      if (!url) {
        url = (await send<JobView>(`/api/jobs/${job.id}/share`, "POST"))?.shareUrl ?? null;
        revalidateJobs();
      }
      if (!url) return;
      try {
        await navigator.clipboard.writeText(url);
        notify(job.shareVisibility === "team" ? "Link copied (team only)." : "Link copied.");
      } catch {
        notify("Copy this link:", url);
      }
    } catch (error) {
      notify(error instanceof Error ? error.message : "Could not make a link.");
    }
  };

  return {
    dispatch,
    copyLink,
    cancel: () => run(`/api/jobs/${job.id}/cancel`, "POST", "Cancelled; nothing was charged."),
    saveAgain: () => run(`/api/jobs/${job.id}/copy`, "POST", "Saving the copy again…"),
    toggleVisibility: () =>
      run(
        `/api/jobs/${job.id}/share`,
        "PATCH",
        job.shareVisibility === "public" ? "The link now needs a team sign-in." : "Anyone with the link can watch it now.",
        { visibility: job.shareVisibility === "public" ? "team" : "public" },
      ),
    newLink: () => run(`/api/jobs/${job.id}/share`, "POST", "Made a new link; the old one no longer works."),
    revoke: () => run(`/api/jobs/${job.id}/share`, "DELETE", "Link revoked: it now shows “not found”."),
    // These two throw, so the confirmation dialog can show what went wrong.
    retry: async () => {
      adoptJobs((await send<{ jobs: JobView[] }>(`/api/jobs/${job.id}/retry`, "POST"))?.jobs ?? []);
      revalidateJobs();
      notify("Sent again as a new job.");
    },
    remove: async () => {
      await send(`/api/jobs/${job.id}`, "DELETE");
      revalidateJobs();
    },
  };
}
