"use client";

import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { DialogCard, DialogClose, DialogRoot } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { inputClass } from "@/components/ui/input-class";
import type { TokenScope } from "@/lib/db/enums";
import { ApiError, send } from "@/lib/http/fetcher";
import { fieldErrors } from "@/lib/validations/errors";
import { SCOPE_LABELS, createTokenSchema, type TokenView } from "@/lib/validations/tokens";

type Values = { name: string; scope: TokenScope; expires: string };
const EXPIRIES = [
  ["30", "30 days"],
  ["7", "7 days"],
  ["90", "90 days"],
  ["365", "1 year"],
  ["none", "No expiry"],
] as const;
const SCOPE_HINTS: Record<TokenScope, string> = {
  read: "Lists and downloads takes; cannot generate or change anything.",
  generate: "Generates, and reads and manages your own takes, within your caps.",
  admin: "Everything, admin routes included (team settings and members).",
};

/** The form, then the secret, shown this once with a copy button. */
function NewTokenForm({ isAdmin, onMade }: { isAdmin: boolean; onMade: (made: { token: TokenView; secret: string }) => void }) {
  const { register, handleSubmit, formState, setError, control } = useForm<Values>({
    defaultValues: { name: "", scope: "generate", expires: "30" },
  });
  const e = formState.errors;
  const scope = useWatch({ control, name: "scope" });
  const submit = handleSubmit(async ({ name, scope, expires }) => {
    const body = { name, scope, expiresInDays: expires === "none" ? null : Number(expires) };
    const checked = createTokenSchema.safeParse(body);
    const fields = checked.success ? {} : fieldErrors(checked.error);
    try {
      if (checked.success) return onMade((await send<{ token: TokenView; secret: string }>("/api/tokens", "POST", checked.data))!);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      Object.assign(fields, Object.keys(err.fields).length ? err.fields : { name: err.message });
    }
    for (const [key, message] of Object.entries(fields)) {
      setError(key === "expiresInDays" ? "expires" : (key as keyof Values), { message });
    }
  });
  const scopes = (Object.keys(SCOPE_LABELS) as TokenScope[]).filter((s) => isAdmin || s !== "admin");
  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-4">
      <Field label="Name" htmlFor="token-name" hint="Say where it is used, e.g. “Nightly render on CI”." error={e.name?.message}>
        <input
          id="token-name"
          className={inputClass}
          autoComplete="off"
          aria-invalid={Boolean(e.name)}
          aria-describedby={e.name ? "token-name-error" : undefined}
          {...register("name")}
        />
      </Field>
      <Field label="Scope" htmlFor="token-scope" hint={SCOPE_HINTS[scope]} error={e.scope?.message}>
        <select id="token-scope" className={inputClass} {...register("scope")}>
          {scopes.map((s) => (
            <option key={s} value={s}>
              {SCOPE_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Expires after" htmlFor="token-expires" error={e.expires?.message}>
        <select id="token-expires" className={inputClass} {...register("expires")}>
          {EXPIRIES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button variant="ghost">Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Making…" : "Make token"}
        </Button>
      </div>
    </form>
  );
}

function ShowSecret({ secret }: { secret: string }) {
  const [copied, setCopied] = useState("");
  return (
    <div className="mt-4 space-y-3">
      <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
        Copy it now: <strong>you won’t see it again.</strong> Keyframe keeps only a hash of it.
      </p>
      <Field label="Your new token" htmlFor="token-secret">
        <textarea
          id="token-secret"
          readOnly
          rows={2}
          value={secret}
          onFocus={(e) => e.target.select()}
          className="w-full resize-none rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-sm break-all outline-none focus:border-violet-500 focus:ring-2 focus:ring-violet-500/30 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </Field>
      <div className="flex items-center justify-end gap-2">
        <p role="status" aria-live="polite" className="mr-auto text-sm text-zinc-700 dark:text-zinc-300">
          {copied}
        </p>
        <Button
          onClick={() =>
            void navigator.clipboard.writeText(secret).then(
              () => setCopied("Copied."),
              () => setCopied("Copying failed: select the token and copy it."),
            )
          }
        >
          Copy token
        </Button>
        <DialogClose asChild>
          <Button variant="primary">Done</Button>
        </DialogClose>
      </div>
    </div>
  );
}

/** "New token": a dialog that makes one and shows its secret once. */
export function NewTokenDialog({ isAdmin, onMade }: { isAdmin: boolean; onMade: (token: TokenView) => void }) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <DialogRoot
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setSecret(null);
      }}
    >
      <Button variant="primary" onClick={() => setOpen(true)}>
        New token
      </Button>
      {open ? (
        <DialogCard title={secret ? "Token made" : "New API token"}>
          {secret ? (
            <ShowSecret secret={secret} />
          ) : (
            <NewTokenForm
              isAdmin={isAdmin}
              onMade={(made) => {
                setSecret(made.secret);
                onMade(made.token);
              }}
            />
          )}
        </DialogCard>
      ) : null}
    </DialogRoot>
  );
}
