"use client";

import { useSyncExternalStore } from "react";
import type { JobView } from "@/lib/jobs/types";

/**
 * Takes the form is sending, shown on top of the gallery from the moment Generate is pressed: their cards
 * hold the place (and the size) the real jobs take when the server answers, so nothing jumps.
 */
export type Pending = { key: string; count: number; ratio: number; prompt: string; jobs: JobView[] | null };

let pending: Pending[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
/** Jobs this tab made (Generate, Retry): the gallery shows them at once rather than behind "new takes". */
const ours = new Set<string>();

export const isOurs = (id: string) => ours.has(id);

export function adoptJobs(jobs: { id: string }[]): void {
  for (const job of jobs) ours.add(job.id);
}

export function beginPending(entry: Omit<Pending, "jobs">): void {
  pending = [{ ...entry, jobs: null }, ...pending];
  emit();
}

/** The server answered with these jobs (or failed: `null` drops the placeholders). */
export function resolvePending(key: string, jobs: JobView[] | null): void {
  if (jobs) adoptJobs(jobs);
  pending = jobs ? pending.map((p) => (p.key === key ? { ...p, jobs } : p)) : pending.filter((p) => p.key !== key);
  emit();
}

/** Drops entries whose jobs the gallery's own list now has. */
export function settlePending(known: Set<string>): void {
  const left = pending.filter((p) => !p.jobs || p.jobs.some((j) => !known.has(j.id)));
  if (left.length !== pending.length) {
    pending = left;
    emit();
  }
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => pending;
const none: Pending[] = [];

export function usePending(): Pending[] {
  return useSyncExternalStore(subscribe, snapshot, () => none);
}
