import { formatUsd } from "@/lib/model/price";

type Row = { userId: string | null; today: number; month: number; failedMonth: number };

/** This month's ledger by member; failed takes apart, and counted only while the team says they are billed. */
export function SpendTable({ rows, names, billsFailed }: { rows: Row[]; names: Map<string, string>; billsFailed: boolean }) {
  const total = rows.reduce((a, r) => ({ today: a.today + r.today, month: a.month + r.month, failed: a.failed + r.failedMonth }), {
    today: 0,
    month: 0,
    failed: 0,
  });
  return (
    <section aria-labelledby="ledger-title" className="space-y-2">
      <h2 id="ledger-title" className="text-base font-semibold">
        Spend this month
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        UTC month. Failed takes are WaveSpeed tasks that were charged and then failed;{" "}
        {billsFailed ? "they count against the caps." : "they are not counted (WaveSpeed does not bill them, per the setting above)."}
      </p>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-sm">
          <thead className="bg-zinc-50 text-left text-xs text-zinc-700 dark:bg-zinc-900 dark:text-zinc-200">
            <tr>
              <th className="px-3 py-2 font-medium">Member</th>
              <th className="px-3 py-2 text-right font-medium">Today</th>
              <th className="px-3 py-2 text-right font-medium">This month</th>
              <th className="px-3 py-2 text-right font-medium">Failed takes</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-3 py-3 text-zinc-600 dark:text-zinc-400">
                  Nothing spent this month yet.
                </td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.userId ?? "none"} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="px-3 py-2">
                    <bdi>{r.userId ? (names.get(r.userId) ?? "A removed member") : "Before accounts"}</bdi>
                  </td>
                  <td className="px-3 py-2 text-right">{formatUsd(r.today)}</td>
                  <td className="px-3 py-2 text-right">{formatUsd(r.month)}</td>
                  <td className="px-3 py-2 text-right">{formatUsd(r.failedMonth)}</td>
                </tr>
              ))
            )}
          </tbody>
          <tfoot className="border-t border-zinc-300 font-medium tabular-nums dark:border-zinc-700">
            <tr>
              <td className="px-3 py-2">Team</td>
              <td className="px-3 py-2 text-right">{formatUsd(total.today)}</td>
              <td className="px-3 py-2 text-right">{formatUsd(total.month)}</td>
              <td className="px-3 py-2 text-right">{formatUsd(total.failed)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
