"use client";

import { useEffect, useRef } from "react";
import { notifyEnabled } from "./use-notify-setting";
import { isFinished, type JobView } from "@/lib/jobs/types";

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * My takes that finish while the tab is hidden: counted in the tab title ("(2) Keyframe"), cleared on
 * return, and named in a browser notification when the user opted in.
 */
export function useFinishedWhileHidden(jobs: JobView[]): void {
  const seen = useRef<Map<string, boolean> | null>(null);
  const fresh = useRef(0);
  const baseTitle = useRef("");

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== "visible" || fresh.current === 0) return;
      fresh.current = 0;
      document.title = baseTitle.current;
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, []);

  useEffect(() => {
    const previous = seen.current;
    seen.current = new Map(jobs.map((job) => [job.id, isFinished(job.status)]));
    if (!previous || document.visibilityState !== "hidden") return;
    const done = jobs.filter((job) => job.mine && isFinished(job.status) && job.status !== "cancelled" && previous.get(job.id) === false);
    if (done.length === 0) return;
    if (fresh.current === 0) baseTitle.current = document.title;
    fresh.current += done.length;
    document.title = `(${fresh.current}) ${baseTitle.current}`;
    if (!notifyEnabled()) return;
    for (const job of done) {
      const title = job.status === "completed" ? "Take ready" : "Take failed";
      const note = new Notification(title, { body: short(job.prompt), tag: job.id, icon: job.video?.poster ?? undefined });
      note.onclick = () => {
        window.focus();
        window.history.pushState(null, "", `/?take=${job.id}`);
      };
    }
  }, [jobs]);
}
