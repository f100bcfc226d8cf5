"use client";

import { MenuCheckboxItem, MenuContent, MenuItem, MenuRoot, MenuSeparator, MenuTrigger } from "@/components/ui/menu";
import { Fragment, type ReactElement } from "react";
import type { JobView } from "@/lib/jobs/types";
import type { ConfirmKind } from "./job-confirm";
import { takeActions } from "./take-actions";
import type { useJobActions } from "./use-job-actions";
import { useStar } from "./use-star";

type Actions = ReturnType<typeof useJobActions>;

export type JobMenuProps = {
  job: JobView;
  actions: Actions;
  onConfirm: (kind: ConfirmKind) => void;
  onAddToBoard: () => void;
  /** Chosen for compare (and the selection's other actions). */
  selected: boolean;
  onSelect: (selected: boolean) => void;
};

/**
 * Every action on a take, in one floating menu (Radix: Escape and outside clicks close it, arrows move);
 * on a touch screen it is the card's only control. Loaded on first use (components/ui/lazy-menu.tsx).
 */
export default function JobMenu({
  job,
  actions,
  onConfirm,
  onAddToBoard,
  selected,
  onSelect,
  trigger,
  defaultOpen,
}: JobMenuProps & { trigger: ReactElement; defaultOpen?: boolean }) {
  const star = useStar(job);
  const items = takeActions(job, {
    actions,
    star,
    selected: { on: selected, set: onSelect },
    confirm: onConfirm,
    addToBoard: onAddToBoard,
  });
  return (
    <MenuRoot modal={false} defaultOpen={defaultOpen}>
      <MenuTrigger asChild>{trigger}</MenuTrigger>
      <MenuContent align="end" container={document.getElementById("gallery")}>
        {items.map((item, i) => (
          <Fragment key={item.key}>
            {i > 0 && items[i - 1]!.group !== item.group ? <MenuSeparator /> : null}
            {item.pressed !== undefined ? (
              <MenuCheckboxItem checked={item.pressed} onCheckedChange={item.run}>
                {item.label}
              </MenuCheckboxItem>
            ) : item.download ? (
              <MenuItem asChild>
                <a href={item.download.href} download={item.download.name}>
                  {item.label}
                </a>
              </MenuItem>
            ) : (
              <MenuItem
                disabled={item.disabled}
                onSelect={item.run}
                className={item.group === "delete" ? "text-red-700 dark:text-red-300" : undefined}
              >
                {item.label}
              </MenuItem>
            )}
          </Fragment>
        ))}
      </MenuContent>
    </MenuRoot>
  );
}
