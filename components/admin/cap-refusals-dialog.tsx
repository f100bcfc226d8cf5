"use client";

import ConfirmDialog from "@/components/ui/confirm-dialog";
import { formatUsd } from "@/lib/model/price";
import type { CapRefusal } from "@/lib/team/cap-refusals";

const when = (window: CapRefusal["window"]) => (window === "today" ? "today" : "this month");
const until = (window: CapRefusal["window"]) => (window === "today" ? "midnight UTC" : "the 1st of next month (UTC)");

function Who({ refusal }: { refusal: CapRefusal }) {
  if (refusal.teamSpentMicros !== null) {
    const you = refusal.members.some((m) => m.you);
    return (
      <>
        The team has spent {formatUsd(refusal.teamSpentMicros)} {when(refusal.window)}: everyone{you ? ", you included," : ""} would be
        refused until {until(refusal.window)}.
      </>
    );
  }
  return (
    <>
      Refused until {until(refusal.window)}:{" "}
      {refusal.members.map((m, i) => (
        <span key={m.id}>
          {i > 0 ? ", " : ""}
          <strong>{m.you ? "you" : <bdi>{m.name}</bdi>}</strong> ({formatUsd(m.spentMicros)} spent {when(refusal.window)})
        </span>
      ))}
      .
    </>
  );
}

/** Before caps are saved that would refuse someone's next Generate now (the admin too): who, and a choice. */
export default function CapRefusalsDialog({
  refusals,
  onConfirm,
  onClose,
}: {
  refusals: CapRefusal[];
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  return (
    <ConfirmDialog
      title="Save caps that refuse someone now?"
      confirmLabel="Save anyway"
      danger
      body={
        <ul className="space-y-2">
          {refusals.map((r) => (
            <li key={r.cap}>
              <span className="font-medium">
                {r.label}: {formatUsd(r.limitMicros)}.
              </span>{" "}
              <Who refusal={r} />
            </li>
          ))}
        </ul>
      }
      onConfirm={onConfirm}
      onOpenChange={(open) => (open ? undefined : onClose())}
    />
  );
}
