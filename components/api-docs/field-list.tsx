import type { FieldRow } from "@/lib/openapi/reference";
import { Prose } from "./prose";

/** A schema's fields: name, type (linked when it is a named schema), required, limits and description. */
export function FieldList({ rows }: { rows: FieldRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No fields.</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
      {rows.map((row) => (
        <li key={row.name} className="px-3 py-2">
          <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5">
            <code className="font-mono font-semibold break-all">{row.name}</code>
            <span className="font-mono text-xs text-zinc-700 dark:text-zinc-300">
              {row.ref ? (
                <a href={`/docs/api/schemas#schema-${row.ref}`} className="text-violet-700 underline dark:text-violet-300">
                  {row.type}
                </a>
              ) : (
                row.type
              )}
            </span>
            {row.required ? <span className="text-xs font-medium text-rose-800 dark:text-rose-300">required</span> : null}
          </p>
          {row.notes.length > 0 ? <p className="text-xs break-words text-zinc-600 dark:text-zinc-400">{row.notes.join(" · ")}</p> : null}
          {row.description ? (
            <p className="mt-0.5 text-zinc-700 dark:text-zinc-300">
              <Prose text={row.description} />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
