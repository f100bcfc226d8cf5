import type { DecisionView } from "@/lib/storyboards/types";

const LABEL = { approved: "Approved", changes_requested: "Changes requested" } as const;
const TONE = {
  approved: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100",
  changes_requested: "bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
} as const;

/** Reviewers' decisions on a shot (or the film): a count of each, then who decided what, on which version. */
export function ShotDecisions({
  decisions,
  title = "Decisions",
  level = 4,
}: {
  decisions: DecisionView[];
  title?: string;
  /** The heading's level where it sits (h4 in a shot's card, h3 under the film's h2). */
  level?: 3 | 4;
}) {
  const Heading = level === 3 ? "h3" : "h4";
  if (decisions.length === 0) return null;
  const approved = decisions.filter((d) => d.decision === "approved").length;
  const changes = decisions.length - approved;
  return (
    <div className="mt-3 border-t border-zinc-200 pt-2 dark:border-zinc-800" data-testid="decisions">
      <Heading className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {title}: {approved} approved · {changes} changes requested
      </Heading>
      <ul className="mt-1 flex flex-wrap gap-1.5 text-sm">
        {decisions.map((d) => (
          <li key={`${d.name}-${d.at}`} className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[d.decision]}`}>
            <bdi>{d.name}</bdi>: {LABEL[d.decision]}
            {d.version ? <span className="font-normal"> (v{d.version})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
