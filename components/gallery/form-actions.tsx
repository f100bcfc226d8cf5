"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import type { JobView } from "@/lib/jobs/types";

/** What the gallery (or a share link) can ask of the form beside it. */
export type FormAction =
  { kind: "remix"; job: JobView } | { kind: "frame"; job: JobView; target: "image" | "lastImage" } | { kind: "seed"; seed: number };

type Handler = (action: FormAction) => Promise<void> | void;
type Actions = { dispatch: (action: FormAction) => void; setHandler: (handler: Handler | null) => void };

const Context = createContext<Actions | null>(null);

export function PlaygroundActions({ children }: { children: ReactNode }) {
  const handler = useRef<Handler | null>(null);
  const value = useMemo<Actions>(
    () => ({
      dispatch: (action) => void handler.current?.(action),
      setHandler: (next) => {
        handler.current = next;
      },
    }),
    [],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** Sends an action to the form; a no-op outside the playground (e.g. the compare page). */
export function usePlaygroundDispatch(): ((action: FormAction) => void) | null {
  return useContext(Context)?.dispatch ?? null;
}

/** The form registers how it carries out actions. */
export function usePlaygroundHandler(handler: Handler): void {
  const actions = useContext(Context);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const stable = useCallback((action: FormAction) => latest.current(action), []);
  useEffect(() => {
    actions?.setHandler(stable);
    return () => actions?.setHandler(null);
  }, [actions, stable]);
}
