"use client";

import { useCallback, useEffect, useRef, useState } from "react";

const MAX_DRIFT_S = 0.08;
const HOLD_S = 0.05;

const length = (v: HTMLVideoElement) => (Number.isFinite(v.duration) ? v.duration : 0);
const listed = (videos: (HTMLVideoElement | null)[]) => videos.filter((v): v is HTMLVideoElement => v !== null);
const longest = (videos: (HTMLVideoElement | null)[]) =>
  listed(videos).reduce<HTMLVideoElement | undefined>((a, v) => (!a || length(v) > length(a) ? v : a), undefined);

/**
 * Plays, pauses and seeks several videos as one. The longest is the clock; a shorter one holds its last
 * frame until the clock comes round again.
 */
export function useSyncedVideos(count: number, knownDuration: number) {
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(knownDuration);

  const all = () => listed(videos.current);
  const clock = () => longest(videos.current);

  /** Puts every video at `t`, a shorter one on its last frame. */
  const place = useCallback((t: number, play: boolean) => {
    for (const v of all()) {
      const end = length(v);
      if (end && t >= end - HOLD_S) {
        v.currentTime = Math.max(0, end - HOLD_S);
        v.pause();
      } else {
        if (Math.abs(v.currentTime - t) > MAX_DRIFT_S) v.currentTime = t;
        if (play && v.paused) void v.play().catch(() => undefined);
      }
    }
  }, []);

  const seek = useCallback((t: number) => {
    for (const v of all()) v.currentTime = Math.min(t, Math.max(0, length(v) - HOLD_S) || t);
    setTime(t);
  }, []);

  const pause = useCallback(() => {
    for (const v of all()) v.pause();
    setPlaying(false);
  }, []);

  const play = useCallback(async () => {
    const c = clock();
    if (!c) return;
    const start = c.ended || c.currentTime >= length(c) - HOLD_S ? 0 : c.currentTime;
    c.currentTime = start;
    place(start, true);
    setPlaying(true);
    await c.play().catch(() => undefined);
  }, [place]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const follow = () => {
      const c = clock();
      if (c) {
        if (c.ended || c.paused) {
          place(length(c), false);
          setTime(length(c));
          setPlaying(false);
          return;
        }
        place(c.currentTime, true);
        setTime(c.currentTime);
      }
      frame = requestAnimationFrame(follow);
    };
    frame = requestAnimationFrame(follow);
    return () => cancelAnimationFrame(frame);
  }, [playing, place]);

  const onMetadata = useCallback(() => {
    const lengths = all().map(length).filter(Boolean);
    setDuration(lengths.length ? Math.max(...lengths) : knownDuration);
  }, [knownDuration]);
  const register = useCallback(
    (index: number) => (node: HTMLVideoElement | null) => {
      videos.current[index] = node;
      videos.current.length = count;
      // Metadata may have loaded before React attached its handler.
      if (node && node.readyState >= 1) onMetadata();
    },
    [count, onMetadata],
  );

  return { register, onMetadata, playing, time, duration, play, pause, seek };
}
