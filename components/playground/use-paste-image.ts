"use client";

import { useEffect } from "react";
import type { GenerateFormValues } from "@/lib/validations/generate";
import { imageFromClipboard } from "./use-image-source";

type ImageName = "image" | "lastImage";

/** Paste anywhere outside a text box: the first image goes to Start, the next to End. */
export function usePasteImage(
  getValues: (name: ImageName) => GenerateFormValues[ImageName],
  set: (name: ImageName, file: File) => void,
  announce: (text: string) => void,
): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input:not([type=file]), textarea")) return;
      const file = imageFromClipboard(event.clipboardData);
      if (!file) return;
      event.preventDefault();
      set(getValues("image") ? "lastImage" : "image", file);
      announce(`Pasted image into ${getValues("lastImage") === file ? "End image" : "Start image"}.`);
    };
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
  }, [announce, getValues, set]);
}
