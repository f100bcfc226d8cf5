"use client";

import { useCallback, useEffect, useRef, useState } from "react";

const MAX_DRIFT_S = 0.08;

/** Plays, pauses and seeks several videos as one; the first is the clock the others follow. */
export function useSyncedVideos(count: number) {
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);

  const all = () => videos.current.filter((v): v is HTMLVideoElement => v !== null);

  const seek = useCallback((t: number) => {
    for (const v of all()) v.currentTime = Math.min(t, Number.isFinite(v.duration) ? v.duration : t);
    setTime(t);
  }, []);

  const pause = useCallback(() => {
    for (const v of all()) v.pause();
    setPlaying(false);
  }, []);

  const play = useCallback(async () => {
    const list = all();
    const leader = list[0];
    if (!leader) return;
    const start = leader.ended || leader.currentTime >= leader.duration - 0.05 ? 0 : leader.currentTime;
    for (const v of list) v.currentTime = start;
    setPlaying(true);
    await Promise.all(list.map((v) => v.play().catch(() => undefined)));
  }, []);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const follow = () => {
      const [leader, ...rest] = all();
      if (leader) {
        for (const v of rest) {
          if (!v.ended && Math.abs(v.currentTime - leader.currentTime) > MAX_DRIFT_S) v.currentTime = leader.currentTime;
        }
        setTime(leader.currentTime);
        if (all().every((v) => v.paused || v.ended)) setPlaying(false);
      }
      frame = requestAnimationFrame(follow);
    };
    frame = requestAnimationFrame(follow);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const register = useCallback(
    (index: number) => (node: HTMLVideoElement | null) => {
      videos.current[index] = node;
      videos.current.length = count;
    },
    [count],
  );
  const onMetadata = useCallback(() => setDuration(Math.max(0, ...all().map((v) => v.duration || 0))), []);

  return { register, onMetadata, playing, time, duration, play, pause, seek };
}
