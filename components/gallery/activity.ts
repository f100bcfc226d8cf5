"use client";

import { useSyncExternalStore } from "react";

/** Jobs in flight, as the gallery last heard: the header's pill reads it instead of polling on its own. */
let active = 0;
const listeners = new Set<() => void>();

export function publishActivity(count: number): void {
  if (count === active) return;
  active = count;
  listeners.forEach((l) => l());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useActivity(): number {
  return useSyncExternalStore(
    subscribe,
    () => active,
    () => 0,
  );
}
