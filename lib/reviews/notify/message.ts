import "server-only";
import { getReviewLink } from "@/lib/db/queries/reviews";
import type { ReviewEvent } from "@/lib/db/queries/review-notify";
import { boardShots, getStoryboard } from "@/lib/db/queries/storyboards";
import { FILM_SHOT } from "@/lib/validations/review-controls";
import { slackEscape } from "./slack";

const MAX_QUOTE = 280;
const DECIDED = { approved: "approved", changes_requested: "asked for changes on" } as Record<string, string>;

const clip = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text);
const time = (ms: number) => `${Math.floor(ms / 60_000)}:${((ms % 60_000) / 1000).toFixed(1).padStart(4, "0")}`;

/** One message for a batch of reviewers' comments and decisions, grouped by board, everything they wrote escaped. */
export async function batchMessage(events: ReviewEvent[], origin: string | undefined): Promise<{ text: string }> {
  const groups = new Map<string, { title: string; url: string | null; lines: string[]; shots: string[] }>();
  for (const event of events) {
    let group = groups.get(event.linkId);
    if (!group) {
      const link = await getReviewLink(event.linkId);
      const board = link?.storyboardId ? await getStoryboard(link.storyboardId) : undefined;
      const shots = board ? (await boardShots(board.id)).map((s) => s.id) : [];
      const url = board && origin ? `${origin}/storyboards/${board.id}` : null;
      group = { title: board ? `“${slackEscape(board.name)}”` : "A set of takes", url, lines: [], shots };
      groups.set(event.linkId, group);
    }
    const name = slackEscape(event.name);
    if (event.kind === "decision") {
      const at = group.shots.indexOf(event.shotKey);
      const what = event.shotKey === FILM_SHOT ? "the film" : at >= 0 ? `shot ${at + 1}` : "the takes";
      group.lines.push(`• ${name} ${DECIDED[event.decision] ?? event.decision} ${what}`);
    } else {
      const when = event.atMs === null ? "" : ` at ${time(event.atMs)}`;
      group.lines.push(`• ${name} commented${when}: “${slackEscape(clip(event.body.replace(/\s+/g, " ")))}”`);
    }
  }
  const count = events.length;
  const head = `Keyframe review: ${count} new ${count === 1 ? "comment or decision" : "comments and decisions"}`;
  const parts = [...groups.values()].map((g) => [g.url ? `<${g.url}|${g.title}>` : g.title, ...g.lines].join("\n"));
  return { text: [head, ...parts].join("\n\n") };
}
