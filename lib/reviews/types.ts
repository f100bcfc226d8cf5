import type { ReviewDecision } from "@/lib/db/enums";

/** What a reviewer sees: no names, emails, prices or links of the team, only the takes and their prompts. */
export type ReviewTake = {
  id: string;
  prompt: string;
  /** The model that made it, by name and resolution ("Seedance 1.0 Lite 480p"). */
  model: string;
  duration: number;
  width: number | null;
  height: number | null;
  video: string;
  poster: string | null;
};

export type ReviewShot = { key: string; takes: ReviewTake[]; teamPick: string | null };

/** The board's exported film as a reviewer watches it. */
export type ReviewFilm = { id: string; video: string; poster: string | null; durationS: number | null };

/** One version of what the link shows: the team's pick per shot key and the film, if any. */
export type ReviewVersionView = { number: number; at: string; picks: Record<string, string>; film: ReviewFilm | null };

/** What the team lets reviewers do on this link, besides watching. */
export type ReviewRights = { comment: boolean; decide: boolean; download: boolean };

export type ReviewView = {
  token: string;
  kind: "storyboard" | "takes";
  title: string;
  shots: ReviewShot[];
  rights: ReviewRights;
  /** The newest film of the board, when one has been exported. */
  film: ReviewFilm | null;
  /** Oldest first, the last being what the link shows now; empty for a link to a set of takes. */
  versions: ReviewVersionView[];
};

/** The reviewer's own earlier word, per shot key. */
export type MyFeedback = Record<string, { pick: string | null; comment: string; name: string }>;

/** The reviewer's own decisions, per shot key (or "film"). */
export type MyDecisions = Record<string, ReviewDecision>;

/** What reviewers said that a member has not read: a total and a count per link. */
export type ReviewInbox = {
  unread: number;
  links: { linkId: string; storyboardId: string | null; title: string; unread: number }[];
};
