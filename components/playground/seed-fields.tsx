"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { SEED_MAX, VARIATIONS_MAX } from "@/lib/model/seedance";
import { variationSeeds } from "@/lib/validations/generate-defaults";

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]! % (SEED_MAX + 1);

/** Tells the user which seed each variation will get before they pay for it. */
function seedPlan(seed: number, variations: number): string {
  if (!Number.isInteger(seed) || !Number.isInteger(variations)) return "";
  if (seed === -1) {
    return variations > 1
      ? `Each of the ${variations} videos gets its own random seed, shown on its card.`
      : "A random seed, shown on the card.";
  }
  if (variations === 1) return `Seed ${seed}.`;
  return `Seeds ${variationSeeds(seed, variations, () => 0).join(", ")}: one per video.`;
}

export function SeedFields({
  seed,
  variations,
  registerSeed,
  registerVariations,
  onSeed,
  errors,
}: {
  seed: number;
  variations: number;
  registerSeed: UseFormRegisterReturn<"seed">;
  registerVariations: UseFormRegisterReturn<"variations">;
  onSeed: (seed: number) => void;
  errors: { seed?: string; variations?: string };
}) {
  return (
    <div className="space-y-4">
      <Field label="Seed" htmlFor="seed" error={errors.seed}>
        <div className="flex gap-1.5">
          <input
            id="seed"
            type="number"
            min={-1}
            max={SEED_MAX}
            step={1}
            className={`${inputClass} min-w-0 flex-1`}
            aria-invalid={Boolean(errors.seed)}
            aria-describedby="seed-plan"
            {...registerSeed}
          />
          <Button title="Roll a random seed" onClick={() => onSeed(randomSeed())}>
            <span aria-hidden>🎲</span> Roll
          </Button>
          <Button title="Back to a random seed for every take (-1)" onClick={() => onSeed(-1)} disabled={seed === -1}>
            Random
          </Button>
        </div>
        {/* Hidden while the seed is invalid: its error says what is wrong, once. */}
        <p id="seed-plan" className="mt-1.5 min-h-4 text-xs text-zinc-600 dark:text-zinc-400" data-testid="seed-plan">
          {errors.seed ? "" : seedPlan(seed, variations)}
        </p>
      </Field>
      <Field label="Variations" htmlFor="variations" error={errors.variations} hint="Takes of this one submission, shown together.">
        <select id="variations" className={`${inputClass} w-24`} {...registerVariations}>
          {Array.from({ length: VARIATIONS_MAX }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
