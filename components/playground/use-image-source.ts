"use client";

import { useEffect, useState } from "react";
import { probeImage } from "@/lib/images/probe";

export type ImageValue = File | string | null;
export type Dimensions = { width: number; height: number };

/** A displayable URL and the pixel size of a picked file or an image URL. */
export function useImageSource(value: ImageValue) {
  const [src, setSrc] = useState<string | null>(null);
  const [dims, setDims] = useState<Dimensions | null>(null);

  useEffect(() => {
    setDims(null);
    if (!value) {
      setSrc(null);
      return;
    }
    if (typeof value === "string") {
      setSrc(value);
      return;
    }
    const url = URL.createObjectURL(value);
    setSrc(url);
    let live = true;
    void value.arrayBuffer().then((buffer) => {
      const info = probeImage(new Uint8Array(buffer));
      if (live && info) setDims({ width: info.width, height: info.height });
    });
    return () => {
      live = false;
      URL.revokeObjectURL(url);
    };
  }, [value]);

  return { src, dims, setDims };
}

export function imageFromClipboard(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const item of Array.from(data.items)) {
    if (item.kind === "file" && item.type.startsWith("image/")) return item.getAsFile();
  }
  return data.files[0] ?? null;
}
