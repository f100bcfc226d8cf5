import "server-only";
import { chargesOf } from "@/lib/db/queries/billing";
import { feedbackOnTakes } from "@/lib/db/queries/reviews";
import { starsOf } from "@/lib/db/queries/stars";
import { formatUsd } from "@/lib/model/price";
import { NO_MARKS, type JobMarks } from "./types";

const COMMENTS_PER_TAKE = 3;

/** Stars (who, and whether the viewer starred), reviewers' picks and comments, and WaveSpeed's charge for each of these takes. */
export async function marksFor(jobIds: string[], viewerId: string | undefined, names: Map<string, string>): Promise<Map<string, JobMarks>> {
  const [stars, feedback, billed] = await Promise.all([starsOf(jobIds), feedbackOnTakes(jobIds), chargesOf(jobIds)]);
  const marks = new Map<string, JobMarks>();
  const of = (jobId: string) => {
    let m = marks.get(jobId);
    if (!m) marks.set(jobId, (m = structuredClone(NO_MARKS)));
    return m;
  };
  for (const star of stars) {
    const m = of(star.jobId);
    m.stars.count += 1;
    m.stars.mine ||= star.userId === viewerId;
    m.stars.by.push(star.userId === viewerId ? "You" : (names.get(star.userId) ?? "Someone"));
  }
  for (const f of feedback) {
    if (!f.pickedJobId) continue;
    const m = of(f.pickedJobId);
    m.review.picks += 1;
    if (f.comment && m.review.comments.length < COMMENTS_PER_TAKE) {
      m.review.comments.push({ name: f.name, text: f.comment, at: new Date(f.updatedAt).toISOString() });
    }
  }
  for (const b of billed) of(b.jobId).billing = billingView(b.chargeMicros, b.refundMicros);
  return marks;
}

/** A take's charge as WaveSpeed billed it: "charged $0.08", "refunded" (all of it) or "charged $0.08, $0.02 back". */
export function billingView(chargeMicros: number, refundMicros: number): NonNullable<JobMarks["billing"]> {
  const netMicros = Math.max(0, chargeMicros - refundMicros);
  const label =
    refundMicros === 0
      ? `charged ${formatUsd(chargeMicros)}`
      : netMicros === 0
        ? "refunded"
        : `charged ${formatUsd(chargeMicros)}, ${formatUsd(refundMicros)} back`;
  return { chargeMicros, refundMicros, netMicros, label };
}
