"use client";

import { useId } from "react";

/**
 * Mutually exclusive choices shown as a segmented control, made of native radio buttons: the browser gives
 * one Tab stop for the group and arrow keys that move and select, with no script to load.
 */
export function RadioTabs<T extends string>({
  label,
  options,
  value,
  onChange,
  className = "",
}: {
  label: string;
  options: readonly { value: T; label: string; title?: string }[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className={`inline-flex shrink-0 rounded-lg border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900 ${className}`}
    >
      {options.map((option) => (
        <label
          key={option.value}
          title={option.title}
          className="relative flex h-7 cursor-pointer items-center rounded-md px-2.5 text-xs font-medium whitespace-nowrap text-zinc-700 hover:bg-zinc-100 has-checked:bg-zinc-900 has-checked:text-white has-focus-visible:ring-2 has-focus-visible:ring-violet-500 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:has-checked:bg-white dark:has-checked:text-zinc-900"
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
            className="absolute inset-0 cursor-pointer appearance-none opacity-0"
          />
          {option.label}
        </label>
      ))}
    </div>
  );
}
