import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { ActionButton } from "@/components/money/action-button";
import { AlertsForm } from "@/components/money/alerts-form";
import { DailyChart } from "@/components/money/daily-chart";
import { MoneyTable, money } from "@/components/money/tables";
import { pageUser } from "@/lib/auth/session";
import { moneyPageData } from "@/lib/money/page-data";

export const metadata: Metadata = { title: "Money · Keyframe" };

const h2 = "text-base font-semibold";
const note = "text-sm text-zinc-600 dark:text-zinc-400";

export default async function MoneyPage() {
  const user = await pageUser("/admin/money");
  if (user.role !== "admin") notFound();
  const { report, ledger, alerts, choices } = await moneyPageData();
  const { month } = report;
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-5xl space-y-10 px-4 py-6 sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-lg font-semibold tracking-tight">Money</h1>
          <div className="flex flex-wrap items-center gap-3">
            <ActionButton url="/api/admin/billing/pull" label="Pull WaveSpeed’s billing now" done="Billing pulled." />
            <a href="/api/admin/ledger?format=csv" className="text-sm text-violet-700 underline dark:text-violet-300">
              Download this month&apos;s ledger (CSV)
            </a>
          </div>
        </div>

        <section aria-labelledby="month-title" className="space-y-3">
          <h2 id="month-title" className={h2}>
            This month (UTC)
          </h2>
          <p className="text-sm">
            So far <strong>{money(month.soFarMicros)}</strong>; at this pace <strong>{money(month.projectedMicros)}</strong> by month end
            {month.capMicros === null ? " (no monthly cap set)." : ` against the monthly cap of ${money(month.capMicros)}.`} Other use of
            this key (outside Keyframe): {money(report.otherUseMicros)}.{" "}
            {report.unmatched ? `${report.unmatched} take(s) still wait for WaveSpeed's charge (their quote counts meanwhile).` : ""}
          </p>
          {report.wavespeedError ? <p className={note}>{report.wavespeedError}</p> : null}
          <DailyChart days={report.byDay} />
          <MoneyTable
            label="Spend per day"
            head={["Day", "Keyframe\u2019s ledger", "WaveSpeed\u2019s total"]}
            rows={report.byDay.map((d) => [d.date, money(d.keyframeMicros), money(d.wavespeedMicros)])}
            empty="No days yet."
          />
        </section>

        <section aria-labelledby="who-title" className="grid grid-cols-1 gap-6 md:grid-cols-2">
          <div className="min-w-0 space-y-2">
            <h2 id="who-title" className={h2}>
              By member
            </h2>
            <MoneyTable
              label="Spend by member"
              head={["Member", "Spent", "Takes"]}
              rows={report.byMember.map((r) => [<bdi key="w">{r.who}</bdi>, money(r.micros), r.takes])}
              empty="Nothing spent yet."
            />
          </div>
          <div className="min-w-0 space-y-2">
            <h2 className={h2}>By model</h2>
            <MoneyTable
              label="Spend by model"
              head={["Model", "Spent", "Takes"]}
              rows={report.byModel.map((r) => [r.model, money(r.micros), r.takes])}
              empty="Nothing spent yet."
            />
          </div>
        </section>

        <section aria-labelledby="lost-title" className="space-y-2">
          <h2 id="lost-title" className={h2}>
            Lost submits to settle
          </h2>
          <p className={note}>
            Each submit&apos;s answer was lost, and several WaveSpeed tasks could be the one it made. Choose it, or say none was made.
          </p>
          <MoneyTable
            label="Lost submits"
            head={["Take", "Sent", "Candidate WaveSpeed tasks"]}
            rows={choices.map((c) => [
              <bdi key="p">{c.prompt.slice(0, 60)}</bdi>,
              new Date(c.windowStart).toISOString().slice(0, 19).replace("T", " "),
              <span key="c" className="flex flex-wrap gap-2">
                {c.candidates.map((id) => (
                  <ActionButton
                    key={id}
                    url={`/api/admin/jobs/${c.jobId}/settlement`}
                    body={{ taskId: id }}
                    label={`Task ${id.slice(0, 8)}`}
                    done="Chosen."
                  />
                ))}
                <ActionButton
                  url={`/api/admin/jobs/${c.jobId}/settlement`}
                  body={{ taskId: null }}
                  label="None was made"
                  done="Released."
                />
              </span>,
            ])}
            empty="Nothing to settle: every lost submit was matched or released."
          />
        </section>

        <section aria-labelledby="ledger-title" className="space-y-2">
          <h2 id="ledger-title" className={h2}>
            Ledger
          </h2>
          <p className={note}>
            Quote: what Keyframe admitted the take at. Charge and refund: WaveSpeed&apos;s billing. ⚑: charged other than quoted.
          </p>
          <MoneyTable
            label="Ledger entries"
            head={["When (UTC)", "Who", "Seconds", "Quote", "Charge", "Refund", "Counted", "Status", "WaveSpeed task"]}
            rows={ledger.rows
              .slice(-50)
              .reverse()
              .map((r) => [
                r.when.slice(0, 16).replace("T", " "),
                <bdi key="w">{r.who}</bdi>,
                r.duration,
                money(r.quoteMicros),
                `${money(r.chargeMicros)}${r.flagged ? " ⚑" : ""}`,
                money(r.refundMicros),
                money(r.countedMicros),
                r.status,
                r.taskId ? <code key="t">{r.taskId.slice(0, 12)}</code> : "—",
              ])}
            empty="No takes this month."
          />
        </section>

        <section id="alerts" aria-labelledby="alerts-title" className="space-y-3">
          <div className="flex items-center justify-between gap-3">
            <h2 id="alerts-title" className={h2}>
              Alerts
            </h2>
            <ActionButton url="/api/admin/alerts/seen" label="Mark all seen" done="Marked seen." />
          </div>
          <AlertsForm initial={alerts.settings} />
          <p className={note}>
            The JSON webhook is signed as WaveSpeed signs its own (webhook-id, webhook-timestamp, webhook-signature v3) with{" "}
            <code className="break-all">{alerts.secret}</code>. The balance floor is the team setting &quot;Warn below&quot;.
          </p>
          <MoneyTable
            label="Recent alerts"
            head={["Fired (UTC)", "Alert", "Delivery"]}
            rows={alerts.alerts.map((a) => [
              a.firedAt.slice(0, 16).replace("T", " "),
              `${a.seen ? "" : "● "}${a.message}`,
              a.deliveryError ?? "Sent",
            ])}
            empty="No alert has fired in the last month."
          />
        </section>
      </main>
    </>
  );
}
