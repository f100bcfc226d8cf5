import "server-only";
import { stampLinkActivity } from "@/lib/db/queries/review-controls";
import { feedbackOfLink, saveFeedbacks } from "@/lib/db/queries/reviews";
import { hit } from "@/lib/db/queries/rate-limits";
import type { ReviewLink } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { validationError } from "@/lib/validations/errors";
import { MAX_SHOTS } from "@/lib/validations/limits";
import { feedbackBatchSchema, feedbackSchema, type FeedbackBatch } from "@/lib/validations/review";
import { shotsOf } from "./public";
import type { MyFeedback } from "./types";

// In shots (rows written), not requests: a whole board's review (MAX_SHOTS) twice a minute from one address,
// twenty of them an hour on one link.
const PER_ADDRESS = { limit: 2 * MAX_SHOTS, windowMs: 60_000 };
const PER_LINK = { limit: 20 * MAX_SHOTS, windowMs: 60 * 60_000 };
const MAX_FEEDBACK = 2000;

/** A reviewer's word on several shots (`shots`), or on one (`shotKey`, the first contract): fields keyed as sent. */
export type FeedbackRequest = FeedbackBatch & { single: boolean };

/**
 * The body of a POST: `{ reviewerId, name, shots: [{ shotKey, pick, comment }] }`, or one shot's word as
 * `{ reviewerId, name, shotKey, pick, comment }`. A batch's field errors name the shot: "shots.2.comment".
 */
export function readFeedback(body: unknown): FeedbackRequest {
  if (body && typeof body === "object" && "shots" in body) {
    const parsed = feedbackBatchSchema.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error, 3);
    return { ...parsed.data, single: false };
  }
  const parsed = feedbackSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  const { reviewerId, name, ...word } = parsed.data;
  return { reviewerId, name, shots: [word], single: true };
}

export async function myFeedback(link: ReviewLink, reviewerId: string): Promise<MyFeedback> {
  const mine: MyFeedback = {};
  for (const f of await feedbackOfLink(link.id)) {
    if (f.reviewerId === reviewerId) mine[f.shotKey] = { pick: f.pickedJobId, comment: f.comment ?? "", name: f.name };
  }
  return mine;
}

async function limitRate(link: ReviewLink, address: string, shots: number): Promise<void> {
  for (const [key, { limit, windowMs }] of [
    [`review:${link.id}:${address}`, PER_ADDRESS],
    [`review:${link.id}`, PER_LINK],
  ] as const) {
    const { count, windowStart } = await hit(key, windowMs, shots);
    if (count > limit) {
      const wait = Math.max(1, Math.ceil((windowStart + windowMs - Date.now()) / 1000));
      throw new AppError("rate_limited", `Too many reviews from here; try again in ${wait} s.`, undefined, { "Retry-After": String(wait) });
    }
  }
}

/**
 * A reviewer's picks and comments, each replacing their earlier word on that shot (no pick and no comment
 * withdraws it): every shot is checked, then all are saved or none. Each shot counts once against the rate
 * limits (per address and per link). With comments off (`rights.comment`), picks alone are taken.
 */
export async function submitFeedback(link: ReviewLink, input: FeedbackRequest, address: string, rights = { comment: true }): Promise<void> {
  if (!rights.comment && input.shots.some((w) => w.comment))
    throw new AppError("forbidden", "The team has turned off comments on this link.");
  await limitRate(link, address, input.shots.length);
  const shots = new Map((await shotsOf(link)).map((s) => [s.key, s]));
  const field = (i: number, name: string) => (input.single ? name : `shots.${i}.${name}`);
  const gone = input.shots.findIndex((word) => !shots.has(word.shotKey));
  if (gone >= 0) {
    const message = input.single
      ? "This shot is no longer in the review (the team may have removed it)."
      : "A shot is no longer in the review (the team may have removed it): reload the page; what you chose is kept.";
    throw new AppError("not_found", message, input.single ? undefined : { [field(gone, "shotKey")]: "No longer in the review." });
  }
  const wrong = input.shots.findIndex((word) => word.pick && !shots.get(word.shotKey)!.takes.some((t) => t.id === word.pick));
  if (wrong >= 0) {
    throw new AppError("validation_failed", "That take is not one of this shot's.", {
      [field(wrong, "pick")]: "Not one of this shot's takes.",
    });
  }
  const words = input.shots.map((w) => ({ shotKey: w.shotKey, pickedJobId: w.pick, comment: w.comment || null }));
  await stampLinkActivity(link.id);
  if (!(await saveFeedbacks(link.id, { id: input.reviewerId, name: input.name }, words, MAX_FEEDBACK))) {
    throw new AppError("conflict", "This review link cannot take more feedback; ask the team for a new one.");
  }
}
