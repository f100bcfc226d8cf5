"use client";

import { useEffect, useRef } from "react";
import type { ImageRef, JobView } from "@/lib/jobs/types";
import type { GenerateFormValues } from "@/lib/validations/generate";
import { usePlaygroundHandler, type FormAction } from "@/components/gallery/form-actions";

type Set = <K extends keyof GenerateFormValues>(name: K, value: GenerateFormValues[K]) => void;

async function fileFrom(src: string, name: string): Promise<File> {
  const res = await fetch(src);
  if (!res.ok) throw new Error(`could not load ${src} (${res.status})`);
  const blob = await res.blob();
  const ext = blob.type === "image/png" ? "png" : "jpg";
  return new File([blob], `${name}.${ext}`, { type: blob.type });
}

/** A stored input comes back as a file (uploaded again, stored once); a URL input stays a URL. */
async function imageValue(ref: ImageRef | null, name: string): Promise<File | string | null> {
  if (!ref?.src) return null;
  return ref.src.startsWith("/") ? fileFrom(ref.src, name) : ref.src;
}

const quote = (prompt: string) => `“${prompt.length > 40 ? `${prompt.slice(0, 39)}…` : prompt}”`;

/** Carries out Remix, Continue from last frame, Use as end image and Reuse seed on the form. */
export function useFormActions(set: Set, announce: (text: string) => void, initialRemix?: JobView | null): void {
  async function run(action: FormAction): Promise<void> {
    try {
      if (action.kind === "seed") {
        set("seed", action.seed);
        announce(`Seed set to ${action.seed}.`);
        return;
      }
      const { job } = action;
      if (action.kind === "frame") {
        if (!job.video?.lastFrame) throw new Error("the last frame is not ready yet");
        set(action.target, await fileFrom(job.video.lastFrame, `last-frame-seed${job.params.seed}`));
        announce(`${action.target === "image" ? "Start" : "End"} image is now the last frame of ${quote(job.prompt)}.`);
        return;
      }
      announce(`Filling in from ${quote(job.prompt)}…`);
      const [image, lastImage] = await Promise.all([imageValue(job.image, "remix-start"), imageValue(job.lastImage, "remix-end")]);
      const p = job.params;
      set("image", image);
      set("lastImage", lastImage);
      set("prompt", job.prompt);
      set("model", job.model.id);
      set("resolution", job.model.resolution as GenerateFormValues["resolution"]);
      set("generateAudio", job.model.audio);
      set("duration", p.duration);
      set("aspectRatio", p.aspectRatio ?? "auto");
      set("cameraFixed", p.cameraFixed);
      set("enableSafetyChecker", p.enableSafetyChecker);
      set("seed", p.seed);
      set("variations", 1);
      document.getElementById("prompt")?.focus({ preventScroll: false });
      announce(`Filled in from ${quote(job.prompt)}. Change the seed for a new take.`);
    } catch (error) {
      announce(`Could not fill in the form: ${(error as Error).message}.`);
    }
  }

  usePlaygroundHandler(run);

  const applied = useRef(false);
  useEffect(() => {
    if (!initialRemix || applied.current) return;
    applied.current = true;
    // Once filled, a reload should not fill the form again over the user's edits.
    window.history.replaceState(null, "", window.location.pathname);
    void run({ kind: "remix", job: initialRemix });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival from a Remix link
  }, [initialRemix]);
}
