"use client";

import type { DragEvent } from "react";
import type { UseFormReturn } from "react-hook-form";
import { SETTINGS_FIELDS } from "@/lib/validations/generate-defaults";
import type { GenerateField, GenerateFormValues, GenerateRequest } from "@/lib/validations/generate";

type Set = <K extends keyof GenerateFormValues>(name: K, value: GenerateFormValues[K]) => void;

const isVideo = (file: File) => file.type.startsWith("video/") || /\.(mp4|m4v|mov)$/i.test(file.name);

/**
 * A Keyframe MP4 dropped anywhere on the form fills every field from the settings it carries, with its
 * first frame as the start image. Values out of range are refused beside their fields, and nothing changes.
 */
export function useVideoDrop(
  form: UseFormReturn<GenerateFormValues, unknown, GenerateRequest>,
  set: Set,
  announce: (text: string) => void,
) {
  const apply = async (file: File) => {
    announce(`Reading the settings in ${file.name}…`);
    const { readVideoSettings } = await import("./read-video-settings");
    const read = await readVideoSettings(file);
    if (!read.ok) {
      for (const [field, message] of Object.entries(read.fields)) {
        form.setError(field as GenerateField, { type: "video", message }, { shouldFocus: true });
      }
      announce(read.message);
      return;
    }
    if (!("image" in read)) return;
    set("image", read.image);
    set("lastImage", null);
    // The model first: its fields (resolution, sound) then take the video's values.
    set("model", read.values.model);
    set("resolution", read.values.resolution);
    set("generateAudio", read.values.generateAudio);
    for (const field of SETTINGS_FIELDS) set(field, read.values[field]);
    set("variations", 1);
    announce(`Filled in from ${file.name}, with its first frame as the start image.`);
  };
  return {
    onDragOver: (e: DragEvent) => {
      if (e.dataTransfer.types.includes("Files")) e.preventDefault();
    },
    // Capture: an MP4 dropped on an image's drop zone is for the whole form, not a start image.
    onDropCapture: (e: DragEvent) => {
      const file = e.dataTransfer.files[0];
      if (!file || !isVideo(file)) return;
      e.preventDefault();
      e.stopPropagation();
      void apply(file);
    },
    onDrop: (e: DragEvent) => {
      // A file dropped outside the image zones must not make the browser navigate away to it.
      if (e.dataTransfer.files.length) e.preventDefault();
    },
  };
}
