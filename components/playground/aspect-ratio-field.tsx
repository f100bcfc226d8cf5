"use client";

import * as RadioGroup from "@radix-ui/react-radio-group";
import { FieldError } from "@/components/ui/field";
import { ASPECT_CHOICES, type AspectChoice, type AspectRatio } from "@/lib/model/seedance";

function Swatch({ choice }: { choice: AspectChoice }) {
  if (choice === "auto") return <span aria-hidden className="size-3 rounded-sm border border-dashed border-current" />;
  const [w, h] = choice.split(":").map(Number) as [number, number];
  const scale = 14 / Math.max(w, h);
  return <span aria-hidden className="rounded-[2px] border border-current" style={{ width: w * scale, height: h * scale }} />;
}

/** One Tab stop; arrow keys move through the ratios (Radix RadioGroup). */
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
      <RadioGroup.Root
        aria-labelledby="aspect-legend"
        aria-describedby={error ? "aspectRatio-error" : "aspect-note"}
        value={value}
        onValueChange={(v) => onChange(v as AspectChoice)}
        orientation="horizontal"
        loop
        className="grid grid-cols-7 gap-1"
      >
        {ASPECT_CHOICES.map((choice) => (
          <RadioGroup.Item
            key={choice}
            value={choice}
            className="relative flex flex-col items-center gap-1 rounded-lg border border-zinc-300 px-0.5 py-1.5 text-[11px] text-zinc-700 outline-none focus-visible:ring-2 focus-visible:ring-violet-500 data-[state=checked]:border-violet-600 data-[state=checked]:bg-violet-50 data-[state=checked]:text-violet-900 dark:border-zinc-700 dark:text-zinc-300 dark:data-[state=checked]:border-violet-400 dark:data-[state=checked]:bg-violet-950/60 dark:data-[state=checked]:text-violet-100"
          >
            <span className="flex h-4 items-center">
              <Swatch choice={choice} />
            </span>
            <span>{choice === "auto" ? "Auto" : choice}</span>
            {choice === suggested ? <span aria-hidden className="absolute top-1 right-1 size-1.5 rounded-full bg-violet-500" /> : null}
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
      <p id="aspect-note" className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        {value === "auto" ? "Auto: not sent; the model follows the start image." : `Output is ${value} at 480p.`}
      </p>
      <FieldError id="aspectRatio-error" message={error} />
    </div>
  );
}
