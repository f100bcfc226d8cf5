"use client";

import { useSyncExternalStore } from "react";

/**
 * Whether the page is being flung: scrolled faster than anyone can look at pictures. A card that comes
 * into view then waits with its picture until the scroll slows or stops, as photo galleries do, so a
 * fling through thousands of takes does not fetch, decode and paint every poster it passes (on this
 * machine that is nine tenths of a fling's main-thread time). Pictures already shown stay.
 */
const FLING_PX_PER_S = 3000;
/** Below this the fling is over (the gap between the two keeps a slowing fling from flickering). */
const SLOW_PX_PER_S = 1200;
/** No scroll for this long: stopped. */
const SETTLE_MS = 150;

let flinging = false;
let last = { y: 0, t: 0 };
let settle: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function set(value: boolean) {
  if (value === flinging) return;
  flinging = value;
  for (const listener of listeners) listener();
}

/** The next state from the scroll speed. */
function nextFling(current: boolean, pxPerS: number): boolean {
  return current ? pxPerS > SLOW_PX_PER_S : pxPerS > FLING_PX_PER_S;
}

function onScroll() {
  const now = performance.now();
  const y = window.scrollY;
  const speed = now > last.t ? (Math.abs(y - last.y) / (now - last.t)) * 1000 : 0;
  // A first event after a pause measures the pause, not a speed.
  if (now - last.t < SETTLE_MS) set(nextFling(flinging, speed));
  last = { y, t: now };
  clearTimeout(settle);
  settle = setTimeout(() => set(false), SETTLE_MS);
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) {
    // Not measured against the first event: a jump right after mounting (scroll restoration) is no fling.
    last = { y: window.scrollY, t: -Infinity };
    window.addEventListener("scroll", onScroll, { passive: true });
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener("scroll", onScroll);
    clearTimeout(settle);
    flinging = false;
  };
}

export const useFling = () =>
  useSyncExternalStore(
    subscribe,
    () => flinging,
    () => false,
  );
