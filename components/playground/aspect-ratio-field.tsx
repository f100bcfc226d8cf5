"use client";

import { FieldError } from "@/components/ui/field";
import { ASPECT_CHOICES, type AspectChoice, type AspectRatio } from "@/lib/model/seedance";

function Swatch({ choice }: { choice: AspectChoice }) {
  if (choice === "auto") return <span aria-hidden className="size-3 rounded-sm border border-dashed border-current" />;
  const [w, h] = choice.split(":").map(Number) as [number, number];
  const scale = 14 / Math.max(w, h);
  return <span aria-hidden className="rounded-[2px] border border-current" style={{ width: w * scale, height: h * scale }} />;
}

/** Native radio buttons: one Tab stop, arrow keys move through the ratios and select. */
export function AspectRatioField({
  value,
  onChange,
  suggested,
  error,
}: {
  value: AspectChoice;
  onChange: (value: AspectChoice) => void;
  suggested: AspectRatio | null;
  error?: string;
}) {
  return (
    <div>
      <div className="mb-1.5 flex min-h-6 items-center justify-between gap-2">
        <span id="aspect-legend" className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Aspect ratio
        </span>
        {suggested && value !== suggested ? (
          <button
            type="button"
            onClick={() => onChange(suggested)}
            className="text-xs text-violet-700 hover:underline dark:text-violet-300"
          >
            Use {suggested} (nearest to your image)
          </button>
        ) : suggested ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{suggested} matches your image</span>
        ) : null}
      </div>
      <div
        role="radiogroup"
        aria-labelledby="aspect-legend"
        aria-describedby={error ? "aspectRatio-error" : "aspect-note"}
        className="grid grid-cols-7 gap-1"
      >
        {ASPECT_CHOICES.map((choice) => (
          <label
            key={choice}
            className="relative flex cursor-pointer flex-col items-center gap-1 rounded-lg border border-zinc-300 px-0.5 py-1.5 text-[11px] text-zinc-700 has-checked:border-violet-600 has-checked:bg-violet-50 has-checked:text-violet-900 has-focus-visible:ring-2 has-focus-visible:ring-violet-500 dark:border-zinc-700 dark:text-zinc-300 dark:has-checked:border-violet-400 dark:has-checked:bg-violet-950/60 dark:has-checked:text-violet-100"
          >
            <input
              type="radio"
              name="aspectRatio"
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
              className="absolute inset-0 cursor-pointer appearance-none opacity-0"
            />
            <span className="flex h-4 items-center">
              <Swatch choice={choice} />
            </span>
            <span>{choice === "auto" ? "Auto" : choice}</span>
            {choice === suggested ? <span aria-hidden className="absolute top-1 right-1 size-1.5 rounded-full bg-violet-500" /> : null}
          </label>
        ))}
      </div>
      <p id="aspect-note" className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        {value === "auto" ? "Auto: not sent; the model follows the start image." : `Output is ${value} at 480p.`}
      </p>
      <FieldError id="aspectRatio-error" message={error} />
    </div>
  );
}
