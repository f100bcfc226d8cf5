"use client";

import { useSyncExternalStore } from "react";

export type GallerySize = "s" | "m" | "l";
export const SIZE_OPTIONS = [
  { value: "s", label: "S", title: "Small cards" },
  { value: "m", label: "M", title: "Medium cards" },
  { value: "l", label: "L", title: "Large cards" },
] as const;
/** Target picture height per size; a narrow screen gets smaller ones so two fit side by side. */
const HEIGHTS: Record<GallerySize, [phone: number, wide: number]> = { s: [110, 150], m: [170, 220], l: [240, 320] };

const KEY = "keyframe:gallery-size";
const EVENT = "keyframe:gallery-size";
const isSize = (v: unknown): v is GallerySize => v === "s" || v === "m" || v === "l";

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  return () => window.removeEventListener(EVENT, onChange);
}
const read = (): GallerySize => {
  const v = localStorage.getItem(KEY);
  return isSize(v) ? v : "m";
};

/** The card size switch, remembered in this browser. */
export function useGallerySize(): [GallerySize, (size: GallerySize) => void] {
  const size = useSyncExternalStore(subscribe, read, () => "m" as const);
  const set = (next: GallerySize) => {
    localStorage.setItem(KEY, next);
    window.dispatchEvent(new Event(EVENT));
  };
  return [size, set];
}

export const targetHeight = (size: GallerySize, width: number) => HEIGHTS[size][width < 640 ? 0 : 1];
