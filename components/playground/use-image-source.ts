"use client";

import { useEffect, useState } from "react";
import { probeImage } from "@/lib/images/probe";

export type ImageValue = File | string | null;
export type Dimensions = { width: number; height: number };

type Loaded = { value: ImageValue; src: string; dims: Dimensions | null };

/** A displayable URL and the pixel size of a picked file (read from its bytes) or an image URL (once it loads). */
export function useImageSource(value: ImageValue) {
  const [file, setFile] = useState<Loaded | null>(null);
  const [url, setUrl] = useState<{ value: string; dims: Dimensions } | null>(null);

  useEffect(() => {
    if (!(value instanceof Blob)) return;
    let live = true;
    let objectUrl: string | undefined;
    void value.arrayBuffer().then((buffer) => {
      if (!live) return;
      const info = probeImage(new Uint8Array(buffer));
      objectUrl = URL.createObjectURL(value);
      setFile({ value, src: objectUrl, dims: info ? { width: info.width, height: info.height } : null });
    });
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [value]);

  if (typeof value === "string") {
    return {
      src: value,
      dims: url?.value === value ? url.dims : null,
      reading: url?.value !== value,
      onLoad: (dims: Dimensions) => setUrl({ value, dims }),
    };
  }
  const current = value && file?.value === value ? file : null;
  // Reading is quick; a file whose header is not JPEG or PNG (e.g. WebP) ends with no size, not "reading" forever.
  return { src: current?.src ?? null, dims: current?.dims ?? null, reading: Boolean(value) && !current, onLoad: () => undefined };
}

export function imageFromClipboard(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const item of Array.from(data.items)) {
    if (item.kind === "file" && item.type.startsWith("image/")) return item.getAsFile();
  }
  return data.files[0] ?? null;
}
