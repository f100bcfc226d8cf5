"use client";

import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { Controller, useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { OUTPUT_SIZES, type AspectRatio } from "@/lib/model/seedance";
import type { GenerateFormValues, GenerateRequest } from "@/lib/validations/generate";
import { shapeDiffers } from "./crop";
import { ImageField } from "./image-field";
import type { ImageFieldName } from "./image-load-resolver";
import { imageFromClipboard, type Dimensions } from "./use-image-source";

const CropDialog = dynamic(() => import("./crop-dialog"), { ssr: false });

type Set = <K extends keyof GenerateFormValues>(name: K, value: GenerateFormValues[K]) => void;

/** Start and end image, paste anywhere, swap, clear, and the crop-or-fit step when the shapes differ. */
export function ImageFields({
  form,
  set,
  aspectRatio,
  onStartDims,
  onLoadFailed,
}: {
  form: UseFormReturn<GenerateFormValues, unknown, GenerateRequest>;
  set: Set;
  aspectRatio: AspectRatio | null;
  onStartDims: (dims: Dimensions | null) => void;
  /** The browser could not show this value as an image: it must not be paid for. */
  onLoadFailed: (name: ImageFieldName, value: unknown) => void;
}) {
  const { control, getValues } = form;
  const [image, lastImage] = useWatch({ control, name: ["image", "lastImage"] });
  const [dims, setDims] = useState<Dimensions | null>(null);
  const [cropping, setCropping] = useState(false);
  const target = aspectRatio ? OUTPUT_SIZES[aspectRatio] : null;
  const ratio = target ? target.width / target.height : null;
  const offerCrop = image instanceof File && dims && ratio && shapeDiffers(dims.width, dims.height, ratio);

  // Paste anywhere outside a text box: the first image goes to Start, the next to End.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest("input:not([type=file]), textarea")) return;
      const file = imageFromClipboard(event.clipboardData);
      if (!file) return;
      event.preventDefault();
      set(getValues("image") ? "lastImage" : "image", file);
    };
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
  }, [getValues, set]);

  return (
    <>
      <Controller
        control={control}
        name="image"
        render={({ field, fieldState }) => (
          <ImageField
            id="image"
            label="Start image"
            hint="JPEG or PNG, at least 300×300 px, up to 10 MB. The first frame of the video. Or drop an MP4 downloaded from Keyframe anywhere on the form to reuse all its settings."
            value={(field.value as File | string | null) ?? null}
            onChange={(v) => set("image", v)}
            onLoadFailed={(v) => onLoadFailed("image", v)}
            onDimensions={(d) => {
              setDims(d);
              onStartDims(d);
            }}
            error={fieldState.error?.message}
            extra={
              offerCrop ? (
                <button
                  type="button"
                  onClick={() => setCropping(true)}
                  className="block text-xs font-medium text-violet-700 underline dark:text-violet-300"
                >
                  Crop or fit to {aspectRatio}…
                </button>
              ) : null
            }
            actions={
              image ? (
                <Button size="sm" variant="ghost" onClick={() => set("image", null)}>
                  Clear
                </Button>
              ) : null
            }
          />
        )}
      />
      <Controller
        control={control}
        name="lastImage"
        render={({ field, fieldState }) => (
          <ImageField
            id="lastImage"
            label="End image"
            hint="Optional. Guides how the clip ends (sent as last_image)."
            value={(field.value as File | string | null) ?? null}
            onChange={(v) => set("lastImage", v)}
            onLoadFailed={(v) => onLoadFailed("lastImage", v)}
            error={fieldState.error?.message}
            actions={
              <>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={!image && !lastImage}
                  onClick={() => {
                    const start = getValues("image");
                    set("image", getValues("lastImage") ?? null);
                    set("lastImage", start ?? null);
                  }}
                >
                  Swap with start
                </Button>
                {lastImage ? (
                  <Button size="sm" variant="ghost" onClick={() => set("lastImage", null)}>
                    Clear
                  </Button>
                ) : null}
              </>
            }
          />
        )}
      />
      {cropping && image instanceof File && ratio && aspectRatio ? (
        <CropDialog
          file={image}
          ratio={ratio}
          ratioLabel={aspectRatio}
          onClose={() => setCropping(false)}
          onApply={(file) => {
            setCropping(false);
            set("image", file);
          }}
        />
      ) : null}
    </>
  );
}
