"use client";

import type { ReviewDecision } from "@/lib/db/enums";

export const DECISION_LABEL: Record<ReviewDecision, string> = { approved: "Approved", changes_requested: "Changes requested" };
const TONE: Record<ReviewDecision, string> = {
  approved: "has-checked:border-emerald-700 has-checked:bg-emerald-50 dark:has-checked:bg-emerald-950",
  changes_requested: "has-checked:border-amber-700 has-checked:bg-amber-50 dark:has-checked:bg-amber-950",
};

/** A reviewer's decision on one shot or the film, saved as soon as it is chosen. */
export function DecisionControl({
  id,
  label,
  value,
  disabled,
  onDecide,
}: {
  id: string;
  label: string;
  value: ReviewDecision | null;
  disabled: boolean;
  onDecide: (decision: ReviewDecision | null) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-2" disabled={disabled}>
      <legend className="sr-only">{label}</legend>
      <span aria-hidden className="text-sm font-medium">
        Your decision:
      </span>
      {(Object.keys(DECISION_LABEL) as ReviewDecision[]).map((decision) => (
        <label
          key={decision}
          className={`flex cursor-pointer items-center gap-1.5 rounded-lg border border-zinc-300 px-2.5 py-1 text-sm dark:border-zinc-700 ${TONE[decision]}`}
        >
          <input
            type="radio"
            name={`${id}-decision`}
            checked={value === decision}
            onChange={() => onDecide(decision)}
            className="accent-violet-700"
          />
          {DECISION_LABEL[decision]}
        </label>
      ))}
      {value ? (
        <button type="button" className="text-sm text-violet-800 underline dark:text-violet-300" onClick={() => onDecide(null)}>
          Withdraw
        </button>
      ) : null}
    </fieldset>
  );
}
