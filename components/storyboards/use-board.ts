"use client";

import useSWR from "swr";
import { fetcher, send } from "@/lib/http/fetcher";
import { isFinished } from "@/lib/jobs/types";
import type { StoryboardView } from "@/lib/storyboards/types";

const POLL_MS = 1500;

/** Something on the board is still changing: a take generating or being saved, or a film rendering. */
const busy = (board: StoryboardView | undefined) =>
  Boolean(
    board &&
    (board.shots.some((s) => s.takes.some((t) => !isFinished(t.status) || t.copy.state === "pending" || t.copy.state === "copying")) ||
      board.films.some((f) => f.status === "queued" || f.status === "rendering")),
  );

/** One storyboard, polled while anything on it is in progress; `change` sends an edit and shows the board it answers. */
export function useBoard(initial: StoryboardView) {
  const url = `/api/storyboards/${initial.id}`;
  const swr = useSWR<StoryboardView>(url, fetcher, {
    fallbackData: initial,
    // Before its first fetch SWR passes no data here: the server's copy decides whether to start polling.
    refreshInterval: (data) => (busy(data ?? initial) ? POLL_MS : 0),
    refreshWhenHidden: true,
  });
  const change = async (path: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown) => {
    const next = await send<StoryboardView>(`${url}${path}`, method, body);
    if (next && "shots" in next) await swr.mutate(next, { revalidate: false });
    else await swr.mutate();
  };
  return { board: swr.data ?? initial, change, refresh: () => void swr.mutate(), setLocal: swr.mutate };
}
