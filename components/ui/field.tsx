import type { ReactNode } from "react";

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1.5 flex items-start gap-1.5 text-sm text-red-700 dark:text-red-400">
      <span aria-hidden>⚠</span>
      <span>{message}</span>
    </p>
  );
}

export function Field({
  label,
  htmlFor,
  hint,
  error,
  aside,
  children,
}: {
  label: string;
  htmlFor: string;
  hint?: ReactNode;
  error?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div>
      <div className="mb-1.5 flex min-h-6 items-center justify-between gap-2">
        <label htmlFor={htmlFor} id={`${htmlFor}-label`} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          {label}
        </label>
        {aside}
      </div>
      {children}
      {hint ? <p className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">{hint}</p> : null}
      <FieldError id={`${htmlFor}-error`} message={error} />
    </div>
  );
}
