"use client";

import { useSyncExternalStore } from "react";

const noSubscribe = () => () => undefined;

/** A date in the reader's own time zone (the server, not knowing it, renders UTC until hydration). */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    noSubscribe,
    () => new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }),
    () => `${new Date(iso).toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
