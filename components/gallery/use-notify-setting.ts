"use client";

import { useSyncExternalStore } from "react";

const KEY = "keyframe:notify";
const EVENT = "keyframe:notify-changed";

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** Whether this browser should get a notification when a take finishes while the tab is hidden. */
export function notifyEnabled(): boolean {
  return localStorage.getItem(KEY) === "on" && typeof Notification !== "undefined" && Notification.permission === "granted";
}

export function useNotifySetting(): [boolean, (on: boolean) => Promise<void>] {
  const on = useSyncExternalStore(subscribe, notifyEnabled, () => false);
  const set = async (next: boolean) => {
    if (next && typeof Notification !== "undefined" && Notification.permission !== "granted") {
      if ((await Notification.requestPermission()) !== "granted") return;
    }
    localStorage.setItem(KEY, next ? "on" : "off");
    window.dispatchEvent(new Event(EVENT));
  };
  return [on, set];
}
