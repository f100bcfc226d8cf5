/** The frame rate films are rendered at (and takes step at, frame by frame, in the player). */
export const PLAYER_FPS = 24;

/** 2000 → "0:02.00": minutes, seconds and hundredths, as the player shows a comment's time. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 10));
  const minutes = Math.floor(total / 6000);
  const seconds = Math.floor((total % 6000) / 100);
  const hundredths = total % 100;
  return `${minutes}:${String(seconds).padStart(2, "0")}.${String(hundredths).padStart(2, "0")}`;
}

/** A comment's time, or its range. */
export const span = (atMs: number, endMs: number | null) => (endMs === null ? clock(atMs) : `${clock(atMs)}–${clock(endMs)}`);
