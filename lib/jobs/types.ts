import type { CopyStatus, JobStatus, ShareVisibility } from "@/lib/db/enums";
export { SHARE_VISIBILITIES, type ShareVisibility } from "@/lib/db/enums";
import type { AspectRatio } from "@/lib/model/seedance";

export type { JobStatus };

/** Who is looking: enough to decide what they may manage. */
export type Viewer = { id: string; role: "admin" | "member" };

/** Deleting, re-linking and revoking a job: its maker, or any admin. */
export const canManage = (viewer: Viewer, ownerId: string | null) => viewer.role === "admin" || viewer.id === ownerId;

/** A start or end image; `thumb` is its card-sized JPEG when Keyframe stores it (not for a URL given at submit). */
export type ImageRef = { src: string; width: number | null; height: number | null; thumb?: string | null };

export type ReviewComment = { name: string; text: string; at: string };

/** Stars and review picks of a take, loaded beside the job row. */
export type JobMarks = Pick<JobView, "stars" | "review" | "billing">;
export const NO_MARKS: JobMarks = { stars: { count: 0, mine: false, by: [] }, review: { picks: 0, comments: [] }, billing: null };

/** What the API and the gallery see of a job: Keyframe's shape, not WaveSpeed's. */
export type JobView = {
  id: string;
  batchId: string;
  variation: number;
  status: JobStatus;
  createdAt: string;
  /** When anything shown here last changed: a newer copy of a job replaces an older one. */
  changedAt: string;
  prompt: string;
  params: {
    duration: number;
    aspectRatio: AspectRatio | null;
    cameraFixed: boolean;
    seed: number;
    enableSafetyChecker: boolean;
  };
  /** The model that made it (catalog id and name), its resolution and whether it has sound. */
  model: { id: string; name: string; resolution: string; audio: boolean };
  price: { micros: number; label: string };
  image: ImageRef;
  lastImage: ImageRef | null;
  /** Keyframe's copy once it is stored (`stored`), WaveSpeed's URL until then. */
  video: {
    src: string;
    nsfw: boolean;
    stored: boolean;
    poster: string | null;
    /** The poster at card size (THUMB_MAX), for galleries and pickers; same availability as `poster`. */
    thumb: string | null;
    lastFrame: string | null;
    width: number | null;
    height: number | null;
    downloadName: string;
  } | null;
  copy: { state: CopyStatus; error: string | null };
  /** The share link, or null when revoked or not finished; `team` links need sign-in. */
  shareUrl: string | null;
  shareVisibility: ShareVisibility;
  /** Who made it (null for jobs from before accounts), and what the viewer may do with it. */
  owner: string | null;
  mine: boolean;
  canManage: boolean;
  /** Members' stars: how many, whether the viewer's is among them, and who (display names). */
  stars: { count: number; mine: boolean; by: string[] };
  /** Reviewers (through review links) who picked it as their favourite, and what they wrote with that pick. */
  review: { picks: number; comments: ReviewComment[] };
  /** What WaveSpeed's billing says this take cost, once pulled (null until then): its charge, any refund, and what that nets to. */
  billing: { chargeMicros: number; refundMicros: number; netMicros: number; label: string } | null;
  error: string | null;
  submittedAt: string | null;
  processingAt: string | null;
  finishedAt: string | null;
};

/** `activeCount`: jobs in flight; `savingCount`: finished videos Keyframe is still copying. Both span all jobs. */
export type JobPage = {
  jobs: JobView[];
  nextCursor: string | null;
  activeCount: number;
  savingCount: number;
  /** Where this answer stands: ask GET /api/jobs/changes?since=<version> for what changed after it. */
  version: string;
};

/**
 * What changed since a version: jobs changed that match the filter (new ones, and new states of loaded
 * ones), and the ids to drop (deleted, or changed so they no longer match). `reset`: too much changed,
 * load the first page again.
 */
export type JobChanges = { jobs: JobView[]; gone: string[]; version: string; activeCount: number; savingCount: number; reset: boolean };

/** Jobs per gallery page. */
export const PAGE_SIZE = 24;

export const STATUS_FILTERS = ["all", "active", "completed", "failed"] as const;
/** Only starred takes: starred by the viewer, or by anyone on the team. */
export const STAR_FILTERS = ["me", "anyone"] as const;
export type StarFilter = (typeof STAR_FILTERS)[number];
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const FINISHED: readonly JobStatus[] = ["completed", "failed", "unknown", "cancelled"];
export const isFinished = (status: JobStatus) => FINISHED.includes(status);
