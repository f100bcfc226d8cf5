"use client";

import { LocalTime } from "@/components/share/local-time";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SCOPE_LABELS, type TeamTokenView, type TokenView } from "@/lib/validations/tokens";

const when = (iso: string | null, none: string) => (iso ? <LocalTime iso={iso} /> : none);

/** Tokens as cards (they read at any width): name, prefix, scope, dates, and a revoke that asks first. */
export function TokenList({
  tokens,
  empty,
  onRevoke,
}: {
  tokens: (TokenView | TeamTokenView)[];
  empty: string;
  onRevoke: (token: TokenView) => Promise<void>;
}) {
  if (tokens.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {tokens.map((token) => (
        <li key={token.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-4 py-3">
          <div className="min-w-0 space-y-1">
            <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <span className="font-medium break-all">
                <bdi>{token.name}</bdi>
              </span>
              <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
                {token.prefix}…
              </code>
              <span className="rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-900 dark:bg-violet-950 dark:text-violet-100">
                {SCOPE_LABELS[token.scope]}
              </span>
            </p>
            {"member" in token ? (
              <p className="text-sm text-zinc-700 dark:text-zinc-300">
                <bdi>{token.member.name}</bdi> · {token.member.email}
              </p>
            ) : null}
            <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
              <div className="flex gap-1">
                <dt>Created</dt>
                <dd>{when(token.createdAt, "")}</dd>
              </div>
              <div className="flex gap-1">
                <dt>Expires</dt>
                <dd>{when(token.expiresAt, "never")}</dd>
              </div>
              <div className="flex gap-1">
                <dt>Last used</dt>
                <dd>{when(token.lastUsedAt, "never")}</dd>
              </div>
            </dl>
          </div>
          <ConfirmButton
            title={`Revoke “${token.name}”?`}
            body="Scripts using this token get 401 from their next request. This cannot be undone; make a new token to replace it."
            confirmLabel="Revoke token"
            danger
            onConfirm={() => onRevoke(token)}
          >
            Revoke<span className="sr-only"> {token.name}</span>
          </ConfirmButton>
        </li>
      ))}
    </ul>
  );
}
