"use client";

import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldError } from "@/components/ui/field";
import { PROMPT_MAX, PROMPT_TIPS } from "@/lib/model/seedance";

export function PromptField({
  registration,
  length,
  error,
  presets,
  requiredBy,
}: {
  registration: UseFormRegisterReturn<"prompt">;
  length: number;
  error?: string;
  /** The team's presets, under the prompt. */
  presets?: ReactNode;
  /** The chosen model's short name when its schema requires a prompt. */
  requiredBy?: string;
}) {
  const over = length > PROMPT_MAX;
  return (
    <div>
      <div className="mb-1.5 flex items-baseline justify-between">
        <label htmlFor="prompt" className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Prompt
        </label>
        {requiredBy ? (
          <span id="prompt-required" data-testid="prompt-required" className="mr-auto ml-2 text-xs text-zinc-600 dark:text-zinc-400">
            required by {requiredBy}
          </span>
        ) : null}
        <span
          id="prompt-count"
          className={`text-xs tabular-nums ${over ? "font-semibold text-red-600 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
        >
          {length} / {PROMPT_MAX}
        </span>
      </div>
      <textarea
        id="prompt"
        rows={4}
        placeholder="Describe the motion: what the subject does, how the camera moves, what changes in the scene."
        aria-invalid={Boolean(error)}
        aria-required={requiredBy ? true : undefined}
        aria-describedby={`prompt-count${requiredBy ? " prompt-required" : ""}${error ? " prompt-error" : ""}`}
        className="block w-full resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm outline-none placeholder:text-zinc-500 focus:border-violet-500 focus:ring-2 focus:ring-violet-500/30 aria-invalid:border-red-400 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
        {...registration}
      />
      <FieldError id="prompt-error" message={error} />
      {presets}
      <details className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        <summary className="cursor-pointer font-medium text-zinc-700 select-none dark:text-zinc-300">Prompting tips</summary>
        <p className="mt-1.5">Write it like a director&rsquo;s beat sheet:</p>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {PROMPT_TIPS.map((tip) => (
            <div key={tip.title} className="contents">
              <dt className="font-medium text-zinc-800 dark:text-zinc-200">{tip.title}</dt>
              <dd>{tip.text}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
