/**
 * queued      stored, not yet sent to WaveSpeed (safe to send)
 * submitting  the submit POST may be on the wire
 * submitted   WaveSpeed accepted it (upstream "created")
 * processing  WaveSpeed is generating
 * completed / failed   final
 * unknown     the submit may or may not have created a paid task; never resent
 * cancelled   withdrawn by its maker while still queued: never sent, nothing charged
 */
export const JOB_STATUSES = ["queued", "submitting", "submitted", "processing", "completed", "failed", "unknown", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const ACTIVE_STATUSES = ["queued", "submitting", "submitted", "processing"] as const satisfies JobStatus[];

/**
 * Keyframe's own copy of a completed job's video (WaveSpeed deletes outputs after 7 days).
 * none: nothing to copy yet · pending: due at nextCopyAt · copying: claimed by a worker under a lease
 * done: videoFile/posterFile/lastFrameFile are stored · failed: gave up (copyError says why)
 */
export const COPY_STATUSES = ["none", "pending", "copying", "done", "failed"] as const;
export type CopyStatus = (typeof COPY_STATUSES)[number];

/**
 * Money: one row per job, written in the same statement that checks the caps.
 * reserved: counted against caps, not yet accepted by WaveSpeed · charged: WaveSpeed accepted it (or may
 * have) · released: it never reached WaveSpeed, so it no longer counts.
 */
export const LEDGER_STATES = ["reserved", "charged", "released"] as const;

/** public: anyone with the link; team: only signed-in members. */
export const SHARE_VISIBILITIES = ["public", "team"] as const;
export type ShareVisibility = (typeof SHARE_VISIBILITIES)[number];

/**
 * An exported film. queued: waiting for an instance to claim it · rendering: under that instance's lease,
 * `progress` per mille · done: films/<id>.mp4 is stored · failed: gave up (error says why).
 */
export const FILM_STATUSES = ["queued", "rendering", "done", "failed"] as const;
export type FilmStatus = (typeof FILM_STATUSES)[number];

/**
 * What an API token may do. read: read its member's takes, boards and films · generate: that, and make,
 * retry, cancel and share takes as its member · admin: everything its member may do, admin routes included
 * (only an admin can make one, and it stops opening them if the member stops being an admin).
 */
export const TOKEN_SCOPES = ["read", "generate", "admin"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** An outgoing webhook delivery. pending: due at nextAttemptAt · delivered: answered 2xx · failed: gave up. */
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Where a batch's rows came from: a CSV or JSON file, or a sweep of prompts × seeds × durations. */
export const GROUP_SOURCES = ["csv", "json", "sweep"] as const;
export type GroupSource = (typeof GROUP_SOURCES)[number];

/** Who wrote a review comment: a reviewer through a review link (no account), or a member in the app. */
export const COMMENT_AUTHORS = ["reviewer", "member"] as const;
export type CommentAuthor = (typeof COMMENT_AUTHORS)[number];

/**
 * A drawing on the picture, in the picture's own coordinates (0..1 of its width and height), so it sits right at
 * any size. pen: a freehand line through `points` · arrow: from points[0] to points[1] · rect: corners points[0], points[1].
 */
export type DrawingShape = { kind: "pen" | "arrow" | "rect"; color: string; points: [x: number, y: number][] };

/** A reviewer's decision on a shot or the film. */
export const REVIEW_DECISIONS = ["approved", "changes_requested"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
