"use client";

import { useEffect, useRef, useState } from "react";
import { PLAYER_FPS } from "@/lib/comments/time";

/**
 * A video's playhead as React state (time and length in ms, paused or not) and the moves a reviewer makes.
 * `ref` goes on the <video>.
 */
export function usePlayhead(fallbackMs: number) {
  const ref = useRef<HTMLVideoElement>(null);
  const [timeMs, setTimeMs] = useState(0);
  const [durationMs, setDurationMs] = useState(fallbackMs);
  const [paused, setPaused] = useState(true);
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    const sync = () => {
      setTimeMs(Math.round(v.currentTime * 1000));
      if (Number.isFinite(v.duration) && v.duration > 0) setDurationMs(Math.round(v.duration * 1000));
      setPaused(v.paused);
    };
    const events = ["timeupdate", "seeked", "loadedmetadata", "play", "pause", "ended", "durationchange"] as const;
    for (const e of events) v.addEventListener(e, sync);
    let frame = 0;
    // timeupdate fires about four times a second: while playing, follow the picture more closely.
    const follow = () => {
      if (!v.paused) setTimeMs(Math.round(v.currentTime * 1000));
      frame = requestAnimationFrame(follow);
    };
    frame = requestAnimationFrame(follow);
    sync();
    return () => {
      for (const e of events) v.removeEventListener(e, sync);
      cancelAnimationFrame(frame);
    };
  }, []);
  const seek = (ms: number) => {
    const v = ref.current;
    if (!v) return;
    const end = Number.isFinite(v.duration) ? v.duration * 1000 : durationMs;
    const to = Math.min(Math.max(0, ms), end);
    v.currentTime = to / 1000;
    setTimeMs(Math.round(to));
  };
  const pause = () => ref.current?.pause();
  const toggle = () => {
    const v = ref.current;
    if (!v) return;
    if (v.paused) void v.play().catch(() => undefined);
    else v.pause();
  };
  const step = (frames: number) => {
    pause();
    // From the frame the picture shows to its neighbour, landing on the frame boundary (2.0 s is frame 48).
    const frame = Math.round((ref.current?.currentTime ?? timeMs / 1000) * PLAYER_FPS) + frames;
    seek((Math.max(0, frame) * 1000) / PLAYER_FPS);
  };
  return { ref, timeMs, durationMs, paused, seek, pause, toggle, step };
}
