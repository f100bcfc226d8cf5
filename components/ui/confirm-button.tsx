"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import type { ConfirmProps } from "./confirm-dialog";

// Loaded on first use: a gallery of thousands of cards carries no dialog code until one is opened.
const ConfirmDialog = dynamic(() => import("./confirm-dialog"), { ssr: false });

/** A button that asks first, in a modal dialog. */
export function ConfirmButton({
  children,
  variant = "ghost",
  className,
  ...dialog
}: Omit<ConfirmProps, "onOpenChange"> & { children: ReactNode; variant?: "ghost" | "secondary"; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant={variant} className={className} onClick={() => setOpen(true)}>
        {children}
      </Button>
      {open ? <ConfirmDialog {...dialog} onOpenChange={setOpen} /> : null}
    </>
  );
}
