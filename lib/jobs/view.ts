import type { Job } from "@/lib/db/schema";
import { canManage, type Viewer } from "./types";
import { modelOf, resolutionFor } from "@/lib/catalog";
import { formatUsd } from "@/lib/model/price";
import type { AspectRatio } from "@/lib/model/seedance";
import { downloadName } from "./filename";
import { NO_MARKS, type ImageRef, type JobMarks, type JobView } from "./types";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function imageRef(file: string | null, url: string | null, width: number | null, height: number | null): ImageRef | null {
  const src = file ? `/media/inputs/${file}` : url;
  return src ? { src, width, height, thumb: file ? `${src}?thumb` : null } : null;
}

export const sharePath = (shareId: string) => `/v/${shareId}`;

function video(job: Job): JobView["video"] {
  const upstream = job.outputs[0];
  if (job.status !== "completed" || !upstream) return null;
  const stored = job.copyStatus === "done" && job.videoFile !== null;
  return {
    src: stored ? `/media/videos/${job.videoFile}` : upstream,
    nsfw: job.nsfw[0] ?? false,
    stored,
    poster: stored && job.posterFile ? `/media/posters/${job.posterFile}` : null,
    thumb: stored && job.posterFile ? `/media/thumbs/${job.posterFile}` : null,
    lastFrame: stored && job.lastFrameFile ? `/media/frames/${job.lastFrameFile}` : null,
    width: job.videoWidth,
    height: job.videoHeight,
    downloadName: downloadName(job.prompt, job.seed),
  };
}

function modelView(job: Job): JobView["model"] {
  const entry = modelOf(job.model);
  return { id: entry.id, name: entry.name, resolution: resolutionFor(entry, job.resolution), audio: job.generateAudio === true };
}

/**
 * The API's and the gallery's view of a job; `origin` makes the share link absolute, `viewer` decides
 * what they may manage, `names` maps user ids to display names, `marks` are its stars and review picks.
 */
export function toJobView(job: Job, origin: string, viewer?: Viewer | null, names?: Map<string, string>, marks?: JobMarks): JobView {
  const mine = Boolean(viewer && job.userId === viewer.id);
  return {
    id: job.id,
    batchId: job.batchId,
    variation: job.variation,
    status: job.status,
    createdAt: new Date(job.createdAt).toISOString(),
    changedAt: new Date(job.changedAt ?? job.updatedAt).toISOString(),
    prompt: job.prompt,
    params: {
      duration: job.duration,
      aspectRatio: job.aspectRatio as AspectRatio | null,
      cameraFixed: job.cameraFixed,
      seed: job.seed,
      enableSafetyChecker: job.safetyChecker,
    },
    model: modelView(job),
    price: { micros: job.priceMicros, label: formatUsd(job.priceMicros) },
    image: imageRef(job.imageFile, job.imageUrl, job.imageWidth, job.imageHeight) ?? { src: "", width: null, height: null },
    lastImage: imageRef(job.lastImageFile, job.lastImageUrl, job.lastImageWidth, job.lastImageHeight),
    video: video(job),
    copy: { state: job.copyStatus, error: job.copyError },
    shareUrl: job.status === "completed" && job.shareId ? `${origin}${sharePath(job.shareId)}` : null,
    shareVisibility: job.shareVisibility,
    owner: job.userId ? (names?.get(job.userId) ?? null) : null,
    mine,
    canManage: viewer ? canManage(viewer, job.userId) : false,
    ...(marks ?? NO_MARKS),
    error: job.error,
    submittedAt: iso(job.submittedAt),
    processingAt: iso(job.processingAt),
    finishedAt: iso(job.finishedAt),
  };
}
