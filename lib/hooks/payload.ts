import type { Job } from "@/lib/db/schema";
import { sharePath } from "@/lib/jobs/view";

export type HookEvent = "take.completed" | "take.failed" | "test";

/** What a receiver gets about a take: the links are absolute, made from Keyframe's public address. */
export type HookTake = {
  id: string;
  status: Job["status"];
  prompt: string;
  duration: number;
  aspectRatio: string | null;
  seed: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  /** Keyframe's copy (needs the member's session or a token to download), else WaveSpeed's address while it lasts. */
  videoUrl: string | null;
  posterUrl: string | null;
  /** The take's share link (opens per its visibility: anyone, or signed-in members). */
  shareUrl: string | null;
  /** The take in the gallery, for a signed-in member. */
  pageUrl: string;
  groupId: string | null;
};

export type HookBody = { event: HookEvent; id: string; createdAt: string; take: HookTake | null };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function hookTake(job: Job, origin: string): HookTake {
  const completed = job.status === "completed";
  const stored = completed && job.copyStatus === "done" && job.videoFile !== null;
  return {
    id: job.id,
    status: job.status,
    prompt: job.prompt,
    duration: job.duration,
    aspectRatio: job.aspectRatio,
    seed: job.seed,
    error: job.error,
    createdAt: new Date(job.createdAt).toISOString(),
    finishedAt: iso(job.finishedAt),
    videoUrl: !completed ? null : stored ? `${origin}/media/videos/${job.videoFile}` : (job.outputs[0] ?? null),
    posterUrl: stored && job.posterFile ? `${origin}/media/posters/${job.posterFile}` : null,
    shareUrl: completed && job.shareId ? `${origin}${sharePath(job.shareId)}` : null,
    pageUrl: `${origin}/?take=${encodeURIComponent(job.id)}`,
    groupId: job.groupId,
  };
}

/** The body as stored once and sent on every try, byte for byte. */
export const hookBody = (event: HookEvent, id: string, createdAt: number, take: HookTake | null): string =>
  JSON.stringify({ event, id, createdAt: new Date(createdAt).toISOString(), take } satisfies HookBody);

/** A test event's take: a made-up one, so a receiver can try its handling of a completed take. */
export function sampleTake(origin: string, now: number): HookTake {
  return {
    id: "test",
    status: "completed",
    prompt: "A test event from Keyframe: the camera pans across a quiet street at dawn.",
    duration: 5,
    aspectRatio: "16:9",
    seed: 42,
    error: null,
    createdAt: new Date(now).toISOString(),
    finishedAt: new Date(now).toISOString(),
    videoUrl: null,
    posterUrl: null,
    shareUrl: null,
    pageUrl: `${origin}/`,
    groupId: null,
  };
}
