"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogCard, DialogClose, DialogRoot } from "@/components/ui/dialog";
import { RadioTabs } from "@/components/ui/radio-tabs";
import { draw, layout, type Mode } from "./crop";

const MODES = [
  { value: "crop", label: "Crop" },
  { value: "fit", label: "Fit" },
] as const;

/** Crop the start image to the chosen aspect ratio, or fit all of it in; the result replaces the file. */
export default function CropDialog({
  file,
  ratioLabel,
  ratio,
  onApply,
  onClose,
}: {
  file: File;
  ratioLabel: string;
  ratio: number;
  onApply: (file: File) => void;
  onClose: () => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<ImageBitmap | null>(null);
  const [mode, setMode] = useState<Mode>("crop");
  const [position, setPosition] = useState(0.5);

  useEffect(() => {
    let live = true;
    void createImageBitmap(file).then((bitmap) => live && setImage(bitmap));
    return () => {
      live = false;
    };
  }, [file]);
  useEffect(() => {
    if (image && canvas.current) draw(canvas.current, image, image.width, image.height, ratio, mode, position);
  }, [image, ratio, mode, position]);

  const out = image ? layout(image.width, image.height, ratio, mode, position).out : null;
  const apply = () => {
    const type = file.type === "image/png" ? "image/png" : "image/jpeg";
    canvas.current?.toBlob(
      (blob) => {
        if (!blob) return;
        const base = file.name.replace(/\.[^.]+$/, "");
        onApply(new File([blob], `${base}-${mode}-${ratioLabel.replace(":", "x")}.${type === "image/png" ? "png" : "jpg"}`, { type }));
      },
      type,
      0.92,
    );
  };

  return (
    <DialogRoot open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogCard title={`Make the start image ${ratioLabel}`} className="w-[min(40rem,calc(100vw-2rem))]">
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          Crop keeps the middle (slide to choose); Fit keeps all of it on a blurred background.
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <RadioTabs label="Crop or fit" options={MODES} value={mode} onChange={setMode} />
          {mode === "crop" ? (
            <label className="flex flex-1 items-center gap-2 text-sm">
              Position
              <input
                type="range"
                min={0}
                max={1}
                step={0.01}
                value={position}
                onChange={(e) => setPosition(Number(e.target.value))}
                className="min-w-24 flex-1 accent-violet-700"
              />
            </label>
          ) : null}
        </div>
        <div className="mt-3 flex h-72 items-center justify-center rounded-lg bg-zinc-100 dark:bg-zinc-800">
          <canvas ref={canvas} aria-label="Preview" role="img" className="max-h-full max-w-full" />
        </div>
        <p className="mt-2 text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
          {out ? `Result: ${out.width} × ${out.height} px` : "Loading…"}
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="ghost">Cancel</Button>
          </DialogClose>
          <Button variant="primary" disabled={!image} onClick={apply}>
            Use this image
          </Button>
        </div>
      </DialogCard>
    </DialogRoot>
  );
}
