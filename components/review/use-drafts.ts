"use client";

import { useCallback, useSyncExternalStore } from "react";

/** What a reviewer chose for one shot. */
export type Word = { pick: string | null; comment: string };
export type Drafts = Record<string, Word>;

const NONE: Drafts = {};
const listeners = new Set<() => void>();
// Where storage is refused (a private window's quota), drafts live as long as the page.
const memory = new Map<string, string>();
let cache: { key: string; raw: string | null; drafts: Drafts } | null = null;

const subscribe = (onChange: () => void) => {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
};

function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

const isWord = (w: unknown): w is Word =>
  typeof w === "object" &&
  w !== null &&
  typeof (w as Word).comment === "string" &&
  ((w as Word).pick === null || typeof (w as Word).pick === "string");

function read(key: string): Drafts {
  const raw = load(key);
  if (cache?.key === key && cache.raw === raw) return cache.drafts;
  let drafts: Drafts = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === "object") drafts = Object.fromEntries(Object.entries(parsed).filter(([, w]) => isWord(w)));
  } catch {
    drafts = {};
  }
  cache = { key, raw, drafts };
  return drafts;
}

function store(key: string, drafts: Drafts) {
  const raw = JSON.stringify(drafts);
  try {
    if (Object.keys(drafts).length) localStorage.setItem(key, raw);
    else localStorage.removeItem(key);
  } catch {
    memory.set(key, raw);
  }
  listeners.forEach((listener) => listener());
}

/**
 * What a reviewer picked and wrote but has not sent yet, per shot, kept in this browser: a reload, a missing
 * name or a failed send loses nothing.
 */
export function useDrafts(token: string) {
  const key = `keyframe:review-drafts:${token}`;
  const drafts = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => NONE,
  );
  const update = useCallback((change: (drafts: Drafts) => Drafts) => store(key, change(read(key))), [key]);
  return { drafts, update };
}
