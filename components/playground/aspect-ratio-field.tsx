"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldError } from "@/components/ui/field";
import { ASPECT_CHOICES, type AspectChoice, type AspectRatio } from "@/lib/model/seedance";

function Swatch({ choice }: { choice: AspectChoice }) {
  if (choice === "auto") return <span aria-hidden className="size-3 rounded-sm border border-dashed border-current" />;
  const [w, h] = choice.split(":").map(Number) as [number, number];
  const scale = 14 / Math.max(w, h);
  return <span aria-hidden className="rounded-[2px] border border-current" style={{ width: w * scale, height: h * scale }} />;
}

export function AspectRatioField({
  registration,
  value,
  suggested,
  onApplySuggestion,
  error,
}: {
  registration: UseFormRegisterReturn<"aspectRatio">;
  value: AspectChoice;
  suggested: AspectRatio | null;
  onApplySuggestion: () => void;
  error?: string;
}) {
  return (
    <fieldset role="radiogroup" aria-labelledby="aspect-legend" aria-describedby={error ? "aspectRatio-error" : undefined}>
      <div className="mb-1.5 flex items-baseline justify-between gap-2">
        <legend id="aspect-legend" className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Aspect ratio
        </legend>
        {suggested && value !== suggested ? (
          <button type="button" onClick={onApplySuggestion} className="text-xs text-violet-600 hover:underline dark:text-violet-400">
            Use {suggested} (nearest to your image)
          </button>
        ) : suggested ? (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">{suggested} matches your image</span>
        ) : null}
      </div>
      <div className="grid grid-cols-4 gap-1.5 sm:grid-cols-7">
        {ASPECT_CHOICES.map((choice) => (
          <label
            key={choice}
            className="relative flex cursor-pointer flex-col items-center gap-1 rounded-lg border border-zinc-300 px-1 py-2 text-xs text-zinc-700 has-checked:border-violet-500 has-checked:bg-violet-50 has-checked:text-violet-800 has-focus-visible:ring-2 has-focus-visible:ring-violet-500 dark:border-zinc-700 dark:text-zinc-300 dark:has-checked:bg-violet-950/40 dark:has-checked:text-violet-200"
          >
            <input type="radio" value={choice} className="sr-only" {...registration} />
            <span className="flex h-4 items-center">
              <Swatch choice={choice} />
            </span>
            <span>{choice === "auto" ? "Auto" : choice}</span>
            {choice === suggested ? <span aria-hidden className="absolute top-1 right-1 size-1.5 rounded-full bg-violet-500" /> : null}
          </label>
        ))}
      </div>
      <p className="mt-1.5 text-xs text-zinc-500 dark:text-zinc-400">
        {value === "auto" ? "Auto: not sent; the model follows the start image." : `Output is ${value} at 480p.`}
      </p>
      <FieldError id="aspectRatio-error" message={error} />
    </fieldset>
  );
}
