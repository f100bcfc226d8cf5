import type { HistoryTask } from "@/lib/wavespeed/books";

/**
 * WaveSpeed's clock and ours may differ a little: the window is widened this much on each side. Kept small:
 * a task someone else made on the key just outside a lost submit's window must not be taken for its own.
 */
export const SKEW_MS = 5_000;

export type Window = { windowStart: number; windowEnd: number };

export type Lost = {
  prompt: string;
  duration: number;
  /** The image addresses the submit could have named (the upload's URL, a URL the job was given). */
  images: string[];
  windowStart: number;
  windowEnd: number;
};

export type Match = { kind: "one"; taskId: string; createdAt: number } | { kind: "none" } | { kind: "several"; taskIds: string[] };

/**
 * Which of WaveSpeed's tasks a lost submit made. Tasks Keyframe already knows are not candidates. Where the
 * history echoes the input, only tasks with this prompt (and this image, when known) fit; otherwise any task
 * in the window fits, and it is "one" only when it lies in no other lost submit's window (`rivals`).
 */
export function matchLost(lost: Lost, tasks: HistoryTask[], known: Set<string>, rivals: Window[]): Match {
  const inWindow = tasks.filter(
    (t) => !known.has(t.id) && t.createdAt >= lost.windowStart - SKEW_MS && t.createdAt <= lost.windowEnd + SKEW_MS,
  );
  const echoed = inWindow.filter((t) => t.input);
  const fits = echoed.length
    ? echoed.filter(
        (t) =>
          t.input?.prompt === lost.prompt &&
          (t.input.duration == null || t.input.duration === lost.duration) &&
          (!t.input.image || lost.images.length === 0 || lost.images.includes(t.input.image)),
      )
    : inWindow;
  if (fits.length === 0) return { kind: "none" };
  const [only] = fits;
  const contested = (at: number) => rivals.some((r) => at >= r.windowStart - SKEW_MS && at <= r.windowEnd + SKEW_MS);
  if (fits.length === 1 && only && (echoed.length > 0 || !contested(only.createdAt)))
    return { kind: "one", taskId: only.id, createdAt: only.createdAt };
  return { kind: "several", taskIds: fits.map((t) => t.id) };
}
