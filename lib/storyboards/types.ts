import type { FilmStatus, ReviewDecision } from "@/lib/db/enums";
import type { LinkControlsView } from "@/lib/reviews/controls";
import type { JobView } from "@/lib/jobs/types";

/** One reviewer's word on a shot, as the team sees it. */
export type FeedbackView = { name: string; pickedJobId: string | null; comment: string | null; at: string };

/** One reviewer's decision on a shot or the film, on the take (or film) and version they saw. */
export type DecisionView = { name: string; decision: ReviewDecision; subjectId: string | null; version: number | null; at: string };

export type ShotView = { id: string; pickedJobId: string | null; takes: JobView[]; feedback: FeedbackView[]; decisions: DecisionView[] };

export type FilmView = {
  id: string;
  status: FilmStatus;
  /** 0-100. */
  progress: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  shots: number;
  durationS: number | null;
  width: number | null;
  height: number | null;
  /** Members' copy and its poster, once rendered. */
  src: string | null;
  poster: string | null;
  downloadName: string;
  /** Anyone with this link can watch it; null until rendered, or once revoked. */
  shareUrl: string | null;
  /** What changed on the board since this export (other picks, shots added, removed or reordered); null while it matches, or where not compared. */
  outOfDate: string | null;
  /** Whether this viewer may revoke or renew its link and delete it (`mayManageFilm`). */
  canManage: boolean;
};

export type ReviewLinkView = { id: string; url: string; createdAt: string; controls: LinkControlsView; unread: number };

export type StoryboardView = {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  owner: string | null;
  /** Deleting the board: its maker or an admin. Everyone on the team may edit it. */
  canManage: boolean;
  shots: ShotView[];
  films: FilmView[];
  reviewLinks: ReviewLinkView[];
  /** Reviewers' decisions on the whole film. */
  filmDecisions: DecisionView[];
};

export type StoryboardSummary = { id: string; name: string; shots: number; updatedAt: string; owner: string | null };
