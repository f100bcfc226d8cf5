/** A storyboard's most shots; also the most a reviewer sends at once (kept apart from the board form's schema, which the review page need not load). */
export const MAX_SHOTS = 100;
