/**
 * A submit whose outcome Keyframe could not see, settled against WaveSpeed's history.
 * pending: looked for until the history has settled · matched: one task fits, the job carries on ·
 * none: no task was made, the reservation released · ambiguous: several fit, an admin chooses ·
 * chosen: an admin chose a task (or none).
 */
export const SETTLEMENT_STATES = ["pending", "matched", "none", "ambiguous", "chosen"] as const;
export type SettlementState = (typeof SETTLEMENT_STATES)[number];

/** WaveSpeed's billing item kinds. */
export const BILLING_KINDS = ["deduct", "refund"] as const;
