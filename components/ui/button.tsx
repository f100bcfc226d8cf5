import type { ComponentProps } from "react";

const VARIANTS = {
  primary:
    "bg-violet-700 text-white shadow-sm hover:bg-violet-600 disabled:border disabled:border-dashed disabled:border-zinc-400 disabled:bg-zinc-100 disabled:text-zinc-600 disabled:shadow-none dark:bg-violet-600 dark:hover:bg-violet-700 dark:disabled:border-zinc-500 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-300",
  secondary:
    "border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-50 disabled:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:disabled:text-zinc-400",
  ghost:
    "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 disabled:text-zinc-500 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white dark:disabled:text-zinc-400",
  danger: "bg-red-700 text-white shadow-sm hover:bg-red-600",
} as const;

const SIZES = { sm: "h-8 px-2.5 text-xs", md: "h-10 px-4 text-sm", lg: "h-12 px-5 text-base" } as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: ButtonVariant = "secondary", size: keyof typeof SIZES = "md", className = "") {
  return `inline-flex items-center justify-center gap-1.5 whitespace-nowrap rounded-lg font-medium transition-colors outline-none focus-visible:ring-2 focus-visible:ring-violet-500 focus-visible:ring-offset-2 disabled:cursor-not-allowed dark:focus-visible:ring-offset-zinc-950 ${VARIANTS[variant]} ${SIZES[size]} ${className}`;
}

export function Button({
  variant = "secondary",
  size = "md",
  className = "",
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: ButtonVariant; size?: keyof typeof SIZES }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
