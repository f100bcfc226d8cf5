"use client";

import * as RadioGroup from "@radix-ui/react-radio-group";

/**
 * Mutually exclusive choices shown as a segmented control: one Tab stop, arrow keys move and select
 * (Radix RadioGroup).
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
  return (
    <RadioGroup.Root
      aria-label={label}
      value={value}
      onValueChange={(v) => onChange(v as T)}
      orientation="horizontal"
      loop
      className={`inline-flex shrink-0 rounded-lg border border-zinc-300 bg-white p-0.5 dark:border-zinc-700 dark:bg-zinc-900 ${className}`}
    >
      {options.map((option) => (
        <RadioGroup.Item
          key={option.value}
          value={option.value}
          title={option.title}
          className="h-7 rounded-md px-2.5 text-xs font-medium whitespace-nowrap text-zinc-700 outline-none hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-violet-500 data-[state=checked]:bg-zinc-900 data-[state=checked]:text-white dark:text-zinc-300 dark:hover:bg-zinc-800 dark:data-[state=checked]:bg-white dark:data-[state=checked]:text-zinc-900"
        >
          {option.label}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
