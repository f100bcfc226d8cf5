"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import { Switch } from "@/components/ui/switch";
import { useSpend } from "@/components/account/use-spend";
import { ApiError, send } from "@/lib/http/fetcher";
import { formatUsd } from "@/lib/model/price";
import type { CapRefusal } from "@/lib/team/cap-refusals";
import { teamSettingsSchema, type TeamSettings } from "@/lib/validations/team";

const CapRefusalsDialog = dynamic(() => import("./cap-refusals-dialog"), { ssr: false });

const CAPS = [
  ["memberDailyCapUsd", "Per member, per day", "me", "today"],
  ["memberMonthlyCapUsd", "Per member, per month", "me", "month"],
  ["teamDailyCapUsd", "Whole team, per day", "team", "today"],
  ["teamMonthlyCapUsd", "Whole team, per month", "team", "month"],
] as const;

/** Blank means "no cap": the input's text becomes null, not 0. */
const usdOrNull = { setValueAs: (v: unknown) => (v === "" || v === null ? null : Number(v)) };

export function TeamSettingsForm({ initial }: { initial: TeamSettings }) {
  const [status, setStatus] = useState("");
  const { register, handleSubmit, formState, setError } = useForm<TeamSettings>({
    resolver: zodResolver(teamSettingsSchema),
    defaultValues: initial,
  });
  const errors = formState.errors;
  const { data: spend, mutate } = useSpend();
  // Caps that would refuse someone now are saved only once the admin has seen whom and said so.
  const [asking, setAsking] = useState<{ values: TeamSettings; refusals: CapRefusal[] } | null>(null);

  const put = async (values: TeamSettings, confirmRefusals: boolean) => {
    await send("/api/admin/settings", "PUT", confirmRefusals ? { ...values, confirmRefusals } : values);
    setStatus("Saved. New caps apply to the next Generate.");
    void mutate();
  };

  const save = handleSubmit(async (values) => {
    setStatus("Saving…");
    try {
      await put(values, false);
    } catch (e) {
      const refusals = e instanceof ApiError && Array.isArray(e.details.refusals) ? (e.details.refusals as CapRefusal[]) : [];
      if (refusals.length > 0) {
        setStatus("Not saved yet: these caps would refuse someone now.");
        return setAsking({ values, refusals });
      }
      if (e instanceof ApiError) for (const [k, m] of Object.entries(e.fields)) setError(k as keyof TeamSettings, { message: m });
      setStatus(e instanceof Error ? e.message : "Could not save.");
    }
  });

  return (
    <form onSubmit={save} noValidate className="space-y-5" aria-labelledby="spend-title">
      <div>
        <h2 id="spend-title" className="text-base font-semibold">
          Spend caps (USD)
        </h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          A Generate that would cross a cap is refused before anything is sent to WaveSpeed. Days and months are UTC. Leave blank for no
          cap.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {CAPS.map(([name, label, who, window]) => (
          <Field
            key={name}
            label={label}
            htmlFor={name}
            error={errors[name]?.message}
            aside={
              <span className="text-xs text-zinc-700 tabular-nums dark:text-zinc-300" data-testid={`${name}-spent`}>
                {spend
                  ? `${who === "me" ? "You" : "Team"}: ${formatUsd(spend.spend[who][window])} ${window === "today" ? "today" : "this month"}`
                  : ""}
              </span>
            }
          >
            <input id={name} type="number" min={0} step="0.001" inputMode="decimal" className={inputClass} {...register(name, usdOrNull)} />
          </Field>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Warn when the WaveSpeed balance is below (USD)" htmlFor="balanceWarnUsd" error={errors.balanceWarnUsd?.message}>
          <input id="balanceWarnUsd" type="number" min={0} step="0.01" className={inputClass} {...register("balanceWarnUsd", usdOrNull)} />
        </Field>
        <Field label="Generations per member per minute" htmlFor="submitsPerMinute" error={errors.submitsPerMinute?.message}>
          <input
            id="submitsPerMinute"
            type="number"
            min={1}
            max={600}
            className={inputClass}
            {...register("submitsPerMinute", { valueAsNumber: true })}
          />
        </Field>
        <Field label="New share links" htmlFor="defaultShareVisibility" error={errors.defaultShareVisibility?.message}>
          <select id="defaultShareVisibility" className={inputClass} {...register("defaultShareVisibility")}>
            <option value="public">Anyone with the link</option>
            <option value="team">Team only (sign-in required)</option>
          </select>
        </Field>
      </div>
      <Switch
        id="billsFailedTasks"
        label="WaveSpeed bills failed tasks"
        hint="WaveSpeed does not say whether a task that fails is charged. On: failed takes count against the caps, so a cap can never be exceeded. Off: they are shown apart and do not count."
        {...register("billsFailedTasks")}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          Save settings
        </Button>
        <p role="status" aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">
          {status}
        </p>
      </div>
      {asking ? (
        <CapRefusalsDialog
          refusals={asking.refusals}
          onConfirm={() => put(asking.values, true)}
          onClose={() => {
            setAsking(null);
            setStatus((now) => (now.startsWith("Saved") ? now : "Not saved."));
          }}
        />
      ) : null}
    </form>
  );
}
