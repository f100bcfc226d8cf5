/** What a reviewer sees: no names, emails, prices or links of the team, only the takes and their prompts. */
export type ReviewTake = {
  id: string;
  prompt: string;
  duration: number;
  width: number | null;
  height: number | null;
  video: string;
  poster: string | null;
};

export type ReviewShot = { key: string; takes: ReviewTake[]; teamPick: string | null };

export type ReviewView = { token: string; kind: "storyboard" | "takes"; title: string; shots: ReviewShot[] };

/** The reviewer's own earlier word, per shot key. */
export type MyFeedback = Record<string, { pick: string | null; comment: string; name: string }>;
