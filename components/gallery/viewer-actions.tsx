"use client";

import dynamic from "next/dynamic";
import { Fragment, useState } from "react";
import { MenuContent, MenuItem, MenuRoot, MenuTrigger } from "@/components/ui/menu";
import type { JobView } from "@/lib/jobs/types";
import { JobConfirm, type ConfirmKind } from "./job-confirm";
import { takeActions, type TakeAction } from "./take-actions";
import { useJobActions } from "./use-job-actions";
import { useStar } from "./use-star";

const AddToBoardDialog = dynamic(() => import("./add-to-board-dialog"), { ssr: false });

export type Note = { text: string; link?: string };

// One background and text colour per button: two of a kind in one class list resolve by stylesheet order, not by position.
const base =
  "inline-flex h-8 items-center gap-1 rounded-md px-2.5 text-xs font-medium outline-none focus-visible:ring-2 focus-visible:ring-violet-400 disabled:text-zinc-400 aria-pressed:bg-violet-900 aria-pressed:text-white";
const cls = `${base} bg-zinc-800 text-zinc-100 hover:bg-zinc-700`;
const primary = `${base} bg-violet-700 text-white hover:bg-violet-600`;
const danger = `${base} bg-zinc-800 text-red-200 hover:bg-red-950`;

/** What the card's buttons and its More menu do, as buttons beside the take (and a menu for its link). */
export function ViewerActions({
  job,
  selected = [],
  onSelect,
  onNote,
  onClose,
  onDeleted,
  menuContainer,
}: {
  job: JobView;
  /** Every take chosen for compare, this one or not; without `onSelect` there is nothing to choose for. */
  selected?: string[];
  onSelect?: (id: string, on: boolean) => void;
  onNote: (note: Note) => void;
  onClose: () => void;
  onDeleted: () => void;
  /** The viewer's dialog: a menu floats inside it, where the modal leaves it readable. */
  menuContainer: HTMLElement | null;
}) {
  const [confirm, setConfirm] = useState<ConfirmKind | null>(null);
  const [adding, setAdding] = useState(false);
  const actions = useJobActions(job, (text, link) => onNote({ text, link }));
  const star = useStar(job);
  const chosen = selected.includes(job.id);
  const items = takeActions(job, {
    actions,
    star,
    selected: onSelect && { on: chosen, set: (on) => onSelect(job.id, on) },
    confirm: setConfirm,
    addToBoard: () => setAdding(true),
  });
  const links = items.filter((item) => item.group === "link");
  const button = (item: TakeAction) => {
    if (item.download)
      return (
        <a key={item.key} className={cls} href={item.download.href} download={item.download.name}>
          {item.label}
        </a>
      );
    const mark = item.key === "star" ? (item.pressed ? "★" : "☆") : item.pressed !== undefined ? (item.pressed ? "☑" : "☐") : null;
    return (
      <button
        key={item.key}
        type="button"
        className={item.key === "remix" ? primary : item.group === "delete" ? danger : cls}
        disabled={item.disabled}
        aria-pressed={item.pressed}
        onClick={() => {
          item.run?.();
          if (item.toForm) onClose();
        }}
      >
        {mark ? (
          <span aria-hidden className={item.key === "star" && item.pressed ? "text-amber-300" : undefined}>
            {mark}
          </span>
        ) : null}
        {item.label}
      </button>
    );
  };
  return (
    <div className="flex flex-wrap gap-1.5">
      {items.map((item) =>
        item.group === "link" ? (
          links[0] === item ? (
            <MenuRoot key="links">
              <MenuTrigger className={cls}>Link options</MenuTrigger>
              <MenuContent align="start" container={menuContainer}>
                {links.map((link) => (
                  <MenuItem key={link.key} onSelect={link.run}>
                    {link.label}
                  </MenuItem>
                ))}
              </MenuContent>
            </MenuRoot>
          ) : null
        ) : (
          <Fragment key={item.key}>
            {button(item)}
            {item.key === "select" && chosen && selected.length >= 2 ? (
              <a className={cls} href={`/compare?ids=${selected.join(",")}`}>
                Compare {selected.length}
              </a>
            ) : null}
          </Fragment>
        ),
      )}
      {adding ? <AddToBoardDialog jobIds={[job.id]} onClose={() => setAdding(false)} /> : null}
      <JobConfirm
        kind={confirm}
        job={job}
        onClose={() => setConfirm(null)}
        onConfirm={async (kind) => {
          if (kind === "retry") return actions.retry();
          await actions.remove();
          onDeleted();
        }}
      />
    </div>
  );
}
