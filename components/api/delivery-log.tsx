import { LocalTime } from "@/components/share/local-time";
import type { DeliveryView } from "@/lib/hooks/manage";

const BADGE = {
  delivered: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  pending: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
} as const;

/** The hook's latest deliveries: event, status, tries, the receiver's answer, when. */
export function DeliveryLog({ deliveries }: { deliveries: DeliveryView[] | undefined }) {
  if (!deliveries) return null;
  if (deliveries.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No deliveries yet.</p>;
  return (
    // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
    <div
      role="region"
      aria-label="Latest deliveries"
      tabIndex={0}
      className="overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-violet-600"
    >
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Latest deliveries</caption>
        <thead className="text-xs text-zinc-600 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Event
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Status
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Tries
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Answer
            </th>
            <th scope="col" className="py-1 font-medium">
              Sent
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td className="py-1.5 pr-3 font-mono text-xs">{d.event}</td>
              <td className="py-1.5 pr-3">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${BADGE[d.status]}`}>{d.status}</span>
              </td>
              <td className="py-1.5 pr-3 tabular-nums">{d.attempts}</td>
              <td className="py-1.5 pr-3 text-zinc-700 dark:text-zinc-300">
                {d.responseStatus ?? (d.attempts ? "no answer" : "–")}
                {d.error ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{d.error}</span> : null}
              </td>
              <td className="py-1.5 text-zinc-700 dark:text-zinc-300">
                <LocalTime iso={d.deliveredAt ?? d.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
