import type { JobChanges, JobView } from "@/lib/jobs/types";

/**
 * What a gallery learned from polling since it loaded its pages: newer copies of loaded jobs, new jobs
 * (shown at once when this tab made them, else held behind a "new takes" button so nothing moves under
 * the reader), jobs gone, and where it stands. Pages are loaded once and never fetched again for this.
 */
export type Live = {
  version: string | null;
  counts: { activeCount: number; savingCount: number } | null;
  /** Latest copies by id (of loaded jobs, and of new ones shown). */
  latest: Map<string, JobView>;
  /** New jobs shown on top. */
  shown: Set<string>;
  /** New jobs from elsewhere (another tab, a teammate) waiting behind the button, newest first. */
  waiting: JobView[];
  gone: Set<string>;
};

export const emptyLive = (): Live => ({ version: null, counts: null, latest: new Map(), shown: new Set(), waiting: [], gone: new Set() });

const newer = (a: JobView, b: JobView | undefined) => !b || Date.parse(a.changedAt) >= Date.parse(b.changedAt);

/**
 * Folds one changes answer into the live state. `loaded` are the jobs of the loaded pages; `ours` says
 * whether this tab made a job (it is shown at once).
 */
export function applyChanges(live: Live, changes: JobChanges, loaded: JobView[], ours: (id: string) => boolean): Live {
  const counts = { activeCount: changes.activeCount, savingCount: changes.savingCount };
  const known = (job: JobView) =>
    live.latest.get(job.id)?.changedAt === job.changedAt || live.waiting.some((w) => w.id === job.id && w.changedAt === job.changedAt);
  const same =
    changes.version === live.version &&
    counts.activeCount === live.counts?.activeCount &&
    counts.savingCount === live.counts.savingCount &&
    changes.gone.every((id) => live.gone.has(id)) &&
    changes.jobs.every(known);
  // Polls repeat recent changes (instances' clocks differ); an answer that adds nothing changes nothing.
  if (same) return live;
  const latest = new Map(live.latest);
  const shown = new Set(live.shown);
  const gone = new Set(live.gone);
  let waiting = live.waiting.filter((j) => !changes.gone.includes(j.id));
  const loadedIds = new Set(loaded.map((j) => j.id));
  const newest = loaded.reduce((max, j) => Math.max(max, Date.parse(j.createdAt)), 0);

  for (const id of changes.gone) {
    gone.add(id);
    shown.delete(id);
  }
  for (const job of changes.jobs) {
    // A job held back behind the button (holdBack) stays out of the list until the reader asks for it.
    if (!waiting.some((w) => w.id === job.id)) gone.delete(job.id);
    if (!newer(job, latest.get(job.id))) continue;
    const waitingAt = waiting.findIndex((j) => j.id === job.id);
    if (waitingAt >= 0) {
      waiting = waiting.map((j, i) => (i === waitingAt ? job : j));
      continue;
    }
    latest.set(job.id, job);
    if (loadedIds.has(job.id) || shown.has(job.id)) continue;
    if (ours(job.id) || Date.parse(job.createdAt) <= newest) shown.add(job.id);
    else {
      latest.delete(job.id);
      waiting = [job, ...waiting];
    }
  }
  return { version: changes.version, counts, latest, shown, waiting, gone };
}

/** Moves the waiting jobs into view (the reader asked for them). */
export function showWaiting(live: Live): Live {
  const latest = new Map(live.latest);
  const shown = new Set(live.shown);
  const gone = new Set(live.gone);
  for (const job of live.waiting) {
    latest.set(job.id, job);
    shown.add(job.id);
    gone.delete(job.id);
  }
  return { ...live, latest, shown, gone, waiting: [] };
}

/** Jobs from elsewhere that reloaded pages brought in: held behind the button like any new take from elsewhere. */
export function holdBack(live: Live, jobs: JobView[]): Live {
  const ids = new Set(jobs.map((j) => j.id));
  return { ...live, gone: new Set([...live.gone, ...ids]), waiting: [...jobs, ...live.waiting.filter((w) => !ids.has(w.id))] };
}

/** The gallery's list: loaded pages and shown new jobs, each in its latest copy, newest first, minus the gone. */
export function liveList(live: Live, loaded: JobView[]): JobView[] {
  const byId = new Map<string, JobView>();
  for (const job of loaded)
    if (!live.gone.has(job.id)) byId.set(job.id, newer(job, live.latest.get(job.id)) ? job : live.latest.get(job.id)!);
  for (const id of live.shown) {
    const job = live.latest.get(id);
    if (job && !live.gone.has(id) && !byId.has(id)) byId.set(id, job);
  }
  return [...byId.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
}
