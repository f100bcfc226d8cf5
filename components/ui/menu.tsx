"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps } from "react";

export const MenuRoot = Menu.Root;
export const MenuTrigger = Menu.Trigger;
export const MenuSeparator = (props: ComponentProps<typeof Menu.Separator>) => (
  <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-700" {...props} />
);
export const MenuLabel = ({ className = "", ...props }: ComponentProps<typeof Menu.Label>) => (
  <Menu.Label className={`px-2.5 py-1.5 text-xs text-zinc-600 dark:text-zinc-300 ${className}`} {...props} />
);

const itemClass =
  "flex w-full cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-800 outline-none select-none data-disabled:cursor-not-allowed data-disabled:text-zinc-500 data-highlighted:bg-violet-100 data-highlighted:text-violet-900 dark:text-zinc-100 dark:data-disabled:text-zinc-400 dark:data-highlighted:bg-violet-900/60 dark:data-highlighted:text-white";

/**
 * A floating menu: Radix closes it on Escape and outside clicks, and arrow keys move through its items.
 * `container`: a landmark (or dialog) to float in instead of the body, so it is within a region of the page.
 */
export function MenuContent({
  className = "",
  container,
  ...props
}: ComponentProps<typeof Menu.Content> & { container?: HTMLElement | null }) {
  return (
    <Menu.Portal container={container ?? undefined}>
      <Menu.Content
        sideOffset={4}
        collisionPadding={8}
        className={`z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-48 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 ${className}`}
        {...props}
      />
    </Menu.Portal>
  );
}

export function MenuItem({ className = "", ...props }: ComponentProps<typeof Menu.Item>) {
  return <Menu.Item className={`${itemClass} ${className}`} {...props} />;
}

export function MenuCheckboxItem({ className = "", children, ...props }: ComponentProps<typeof Menu.CheckboxItem>) {
  return (
    <Menu.CheckboxItem className={`${itemClass} ${className}`} {...props}>
      <span aria-hidden className="inline-flex size-4 items-center justify-center rounded border border-current text-[10px]">
        <Menu.ItemIndicator>✓</Menu.ItemIndicator>
      </span>
      {children}
    </Menu.CheckboxItem>
  );
}
