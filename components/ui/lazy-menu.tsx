"use client";

import { cloneElement, useState, type ComponentType, type ReactElement } from "react";

type Loaded<P> = ComponentType<P & { trigger: ReactElement; defaultOpen?: boolean }>;

/**
 * A menu button whose menu (a Radix dropdown: focus, Escape, outside clicks, arrow keys, floating layout)
 * loads on first use and then opens at once: the page does not pay for every card's menu up front.
 * `trigger` is the button as it looks; `load` gives the menu component, which renders it as its trigger.
 */
export function LazyMenu<P extends object>({
  trigger,
  load,
  props,
}: {
  trigger: ReactElement<Record<string, unknown>>;
  load: () => Promise<{ default: Loaded<P> }>;
  props: P;
}) {
  const [Menu, setMenu] = useState<Loaded<P> | null>(null);
  const [loading, setLoading] = useState(false);
  if (Menu) return <Menu {...props} trigger={trigger} defaultOpen />;
  return cloneElement(trigger, {
    "aria-haspopup": "menu",
    "aria-expanded": false,
    "aria-busy": loading || undefined,
    onClick: () => {
      setLoading(true);
      void load().then((m) => setMenu(() => m.default));
    },
  });
}
