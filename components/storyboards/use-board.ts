"use client";

import { useCallback, useEffect, useRef } from "react";
import useSWR from "swr";
import { onJobsChanged } from "@/components/gallery/use-jobs";
import { fetcher, send } from "@/lib/http/fetcher";
import { isFinished } from "@/lib/jobs/types";
import type { StoryboardView } from "@/lib/storyboards/types";

/** While something renders or generates; otherwise often enough for reviewers' word to arrive as it is sent. */
export const BOARD_POLL_MS = { busy: 1500, idle: 5000 } as const;

/** Something on the board is still changing: a take generating or being saved, or a film rendering. */
const busy = (board: StoryboardView | undefined) =>
  Boolean(
    board &&
    (board.shots.some((s) => s.takes.some((t) => !isFinished(t.status) || t.copy.state === "pending" || t.copy.state === "copying")) ||
      board.films.some((f) => f.status === "queued" || f.status === "rendering")),
  );

/** A drag in progress anywhere on the page. */
function useDragging() {
  const dragging = useRef(false);
  useEffect(() => {
    const start = () => (dragging.current = true);
    const end = () => (dragging.current = false);
    document.addEventListener("dragstart", start);
    document.addEventListener("dragend", end);
    document.addEventListener("drop", end);
    return () => {
      document.removeEventListener("dragstart", start);
      document.removeEventListener("dragend", end);
      document.removeEventListener("drop", end);
    };
  }, []);
  return dragging;
}

/**
 * One storyboard, polled while it is open (the server answers 304 while nothing on it changed), so
 * reviewers' picks and comments and other members' edits show up. Polls wait while this member drags a
 * shot, has a dialog open or has an edit on its way: nothing moves under them mid-edit. `change` sends an
 * edit and shows the board it answers; `refresh` fetches the board now, as does any change this member
 * makes to a take through the gallery's actions (revalidateJobs), dialog or not.
 */
export function useBoard(initial: StoryboardView) {
  const url = `/api/storyboards/${initial.id}`;
  const sending = useRef(0);
  const dragging = useDragging();
  const swr = useSWR<StoryboardView>(url, fetcher, {
    fallbackData: initial,
    // Before its first fetch SWR passes no data here: the server's copy decides how often to poll.
    refreshInterval: (data) => (busy(data ?? initial) ? BOARD_POLL_MS.busy : BOARD_POLL_MS.idle),
    refreshWhenHidden: true,
    // Polls at the interval it states (no deduping window swallowing ticks).
    dedupingInterval: 0,
    // A poll answered meanwhile is dropped; the next comes at the next tick. (SWR asks on the server too.)
    isPaused: () =>
      typeof document !== "undefined" &&
      (sending.current > 0 || dragging.current || document.querySelector("[role=dialog], [role=alertdialog]") !== null),
  });
  const { mutate } = swr;
  // Not through SWR's revalidation, which waits with the polls: this member asked for it.
  const refresh = useCallback(async () => {
    const fresh = await fetcher<StoryboardView>(url).catch(() => undefined);
    if (fresh) await mutate(fresh, { revalidate: false });
  }, [url, mutate]);
  // A take changed from this page (a star, a link, a delete in the viewer): its dialog need not close first.
  useEffect(() => onJobsChanged(() => void refresh()), [refresh]);
  const change = async (path: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown) => {
    sending.current += 1;
    try {
      const next = await send<StoryboardView>(`${url}${path}`, method, body);
      if (next && "shots" in next) await mutate(next, { revalidate: false });
      else await refresh();
    } finally {
      sending.current -= 1;
    }
  };
  return { board: swr.data ?? initial, change, refresh: () => void refresh(), setLocal: mutate };
}
