import "server-only";
import { feedbackOnTakes } from "@/lib/db/queries/reviews";
import { starsOf } from "@/lib/db/queries/stars";
import { NO_MARKS, type JobMarks } from "./types";

const COMMENTS_PER_TAKE = 3;

/** Stars (who, and whether the viewer starred) and reviewers' picks and comments for each of these takes. */
export async function marksFor(jobIds: string[], viewerId: string | undefined, names: Map<string, string>): Promise<Map<string, JobMarks>> {
  const [stars, feedback] = await Promise.all([starsOf(jobIds), feedbackOnTakes(jobIds)]);
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
  return marks;
}
