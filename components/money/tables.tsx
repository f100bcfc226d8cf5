import type { ReactNode } from "react";
import { formatUsd } from "@/lib/model/price";

const money = (micros: number | null) => (micros === null ? "—" : formatUsd(micros));

/** A small labelled table that scrolls sideways on a phone (a focusable region, as axe asks). */
export function MoneyTable({ label, head, rows, empty }: { label: string; head: string[]; rows: ReactNode[][]; empty: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-sm">
        <thead className="bg-zinc-50 text-left text-xs text-zinc-700 dark:bg-zinc-900 dark:text-zinc-200">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={head.length} className="px-3 py-3 text-zinc-600 dark:text-zinc-400">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((cells, i) => (
              <tr key={i} className="border-t border-zinc-200 dark:border-zinc-800">
                {cells.map((c, j) => (
                  <td key={j} className="px-3 py-2 whitespace-nowrap">
                    {c}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export { money };
