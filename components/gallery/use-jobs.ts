"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import useSWRInfinite from "swr/infinite";
import { fetcher } from "@/lib/http/fetcher";
import { PAGE_SIZE, type JobChanges, type JobPage, type StarFilter, type StatusFilter } from "@/lib/jobs/types";
import { publishActivity } from "./activity";
import { applyChanges, emptyLive, holdBack, liveList, showWaiting, type Live } from "./live-jobs";
import { isOurs } from "./pending-takes";

/** Poll intervals: while something runs, while videos are being saved, and otherwise (teammates' new takes). */
export const POLL_MS = { active: 1500, saving: 3000, idle: 5000 } as const;
const JOBS_CHANGED = "keyframe:jobs-changed";

export type GalleryFilter = {
  status: StatusFilter;
  q: string;
  scope: "team" | "mine";
  starred?: StarFilter;
  group?: string;
  model?: string;
};
export const NO_FILTER: GalleryFilter = { status: "all", q: "", scope: "team" };

function filterParams(filter: GalleryFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status !== "all") params.set("status", filter.status);
  if (filter.q.trim()) params.set("q", filter.q.trim());
  if (filter.scope === "mine") params.set("scope", "mine");
  if (filter.starred) params.set("starred", filter.starred);
  if (filter.group) params.set("group", filter.group);
  if (filter.model) params.set("model", filter.model);
  return params;
}

/** The API URL of one gallery page: SWR's key. */
export function jobsUrl(filter: GalleryFilter, cursor?: string | null): string {
  // A small first page renders fast; later pages are bigger so fast scrolling rarely waits.
  const params = filterParams(filter);
  params.set("limit", String(cursor ? PAGE_SIZE * 4 : PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  return `/api/jobs?${params}`;
}

/** Tells the gallery (and the spend in the header), wherever they are, that jobs were created or changed. */
export function revalidateJobs(): void {
  window.dispatchEvent(new Event(JOBS_CHANGED));
}

/** Calls `refresh` on every revalidateJobs(); returns the unsubscribe. */
export function onJobsChanged(refresh: () => void): () => void {
  window.addEventListener(JOBS_CHANGED, refresh);
  return () => window.removeEventListener(JOBS_CHANGED, refresh);
}

/**
 * The gallery's jobs: pages loaded once (the first server-rendered), then kept current by polling only
 * for what changed (GET /api/jobs/changes, a 304 when nothing did), at POLL_MS. New takes made in this tab
 * show at once; new ones from elsewhere wait behind `showWaiting` so nothing moves under the reader.
 */
export function useJobs(filter: GalleryFilter, initial?: JobPage) {
  const key = filterParams(filter).toString();
  // The server-rendered first page goes into the first page's own cache entry, not only the fallback: loading
  // a second page (as soon as the first does not fill the screen) would otherwise fetch the first again, and a
  // teammate's take made since it was rendered would jump in rather than wait behind "new takes".
  const { cache } = useSWRConfig();
  const firstPage = jobsUrl(NO_FILTER);
  if (initial && key === "" && cache.get(firstPage)?.data === undefined) cache.set(firstPage, { data: initial });
  const pages = useSWRInfinite<JobPage>(
    (_index, previous: JobPage | null) => (previous && !previous.nextCursor ? null : jobsUrl(filter, previous?.nextCursor)),
    fetcher,
    {
      revalidateFirstPage: false,
      revalidateOnFocus: false,
      revalidateOnReconnect: false,
      // The server-rendered first page serves the default view only; a filtered view fetches its own.
      fallbackData: initial && key === "" ? [initial] : undefined,
      // Not fetched again on hydration: what changed since it was rendered comes from the changes poll, so
      // a teammate's take made in between waits behind "new takes" instead of pushing the cards down.
      revalidateOnMount: initial ? false : undefined,
      keepPreviousData: true,
    },
  );
  const loaded = useMemo(() => (pages.data ?? []).flatMap((p) => p.jobs), [pages.data]);
  const [state, setState] = useState<{ key: string; live: Live }>({ key, live: emptyLive() });
  const live = state.key === key ? state.live : emptyLive();
  const update = useCallback(
    (change: (live: Live) => Live) => setState((s) => ({ key, live: change(s.key === key ? s.live : emptyLive()) })),
    [key],
  );

  const version = live.version ?? pages.data?.[0]?.version ?? null;
  const since = useRef(version);
  useEffect(() => {
    since.current = version;
  }, [version]);
  const counts = live.counts ?? pages.data?.[0] ?? { activeCount: 0, savingCount: 0 };
  const interval = counts.activeCount ? POLL_MS.active : counts.savingCount ? POLL_MS.saving : POLL_MS.idle;

  const changes = useSWR<JobChanges>(
    version ? ["changes", key] : null,
    () => {
      const params = filterParams(filter);
      params.set("since", since.current ?? "");
      return fetcher<JobChanges>(`/api/jobs/changes?${params}`);
    },
    {
      // Polls at the interval it states (no deduping window swallowing ticks); takes that finish in a hidden
      // tab are counted in its title, so hidden tabs poll too.
      refreshInterval: interval,
      dedupingInterval: 0,
      refreshWhenHidden: true,
      revalidateOnFocus: true,
      onSuccess: (data) => {
        if (!data.reset) return update((l) => applyChanges(l, data, loaded, isOurs));
        // Start over from here: the pages load again, and polls ask from this version, not the old page's.
        // Takes made elsewhere since the old pages loaded still wait behind "new takes" rather than jump in.
        const before = new Set(loaded.map((j) => j.id));
        const newest = loaded.reduce((max, j) => Math.max(max, Date.parse(j.createdAt)), 0);
        update(() => ({ ...emptyLive(), version: data.version }));
        void pages.mutate().then((fresh) => {
          const arrived = (fresh ?? [])
            .flatMap((p) => p.jobs)
            .filter((j) => !before.has(j.id) && Date.parse(j.createdAt) > newest && !isOurs(j.id));
          if (arrived.length) update((l) => holdBack(l, arrived));
        });
      },
    },
  );

  const { mutate: pollNow } = changes;
  useEffect(() => onJobsChanged(() => void pollNow()), [pollNow]);

  const jobs = useMemo(() => liveList(live, loaded), [live, loaded]);
  useEffect(() => publishActivity(counts.activeCount), [counts.activeCount]);
  const last = pages.data?.at(-1);
  return {
    jobs,
    waiting: live.waiting,
    showWaiting: () => update(showWaiting),
    activeCount: counts.activeCount,
    error: pages.error ?? changes.error,
    isLoading: pages.isLoading,
    isValidating: pages.isValidating,
    hasMore: Boolean(last?.nextCursor),
    loadMore: () => pages.setSize((s) => s + 1),
  };
}
