"use client";

import { useEffect, useState } from "react";
import { ZIP_MAX_ENTRIES } from "@/lib/batches/limits";

/** Object URLs for the preview's thumbnails: a zip's images (unpacked here, in the browser) and single images, by name. */
export function useThumbs(zip: File | null, images: (File | null)[]): Map<string, string> {
  const [thumbs, setThumbs] = useState<Map<string, string>>(new Map());
  const single = images.filter((f): f is File => f !== null);
  const key = [zip?.name, zip?.size, ...single.map((f) => `${f.name}:${f.size}`)].join("|");
  useEffect(() => {
    let cancelled = false;
    const urls = new Map<string, string>();
    void (async () => {
      for (const f of single) urls.set(f.name, URL.createObjectURL(f));
      if (zip) {
        const { unzipSync } = await import("fflate");
        let count = 0;
        try {
          const entries = unzipSync(new Uint8Array(await zip.arrayBuffer()), {
            filter: (e) => /\.(png|jpe?g)$/i.test(e.name) && e.originalSize <= 10 * 1024 * 1024 && ++count <= ZIP_MAX_ENTRIES,
          });
          for (const [name, bytes] of Object.entries(entries)) {
            const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
            urls.set(name, url);
            urls.set(name.split("/").pop()!, url);
          }
        } catch {
          // Not a zip: the preview names the problem.
        }
      }
      if (!cancelled) setThumbs(urls);
    })();
    return () => {
      cancelled = true;
      for (const url of new Set(urls.values())) URL.revokeObjectURL(url);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the files' names and sizes
  }, [key]);
  return thumbs;
}
