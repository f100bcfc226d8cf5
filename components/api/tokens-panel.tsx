"use client";

import { useState } from "react";
import useSWR from "swr";
import { fetcher, send } from "@/lib/http/fetcher";
import type { TeamTokenView, TokenView } from "@/lib/validations/tokens";
import { NewTokenDialog } from "./new-token-dialog";
import { TokenList } from "./token-list";

type Answer<T> = { tokens: T[] };

/** The member's API tokens (make, list, revoke); for admins, everyone's too. */
export function TokensPanel({ initial, team, isAdmin }: { initial: TokenView[]; team: TeamTokenView[]; isAdmin: boolean }) {
  const [status, setStatus] = useState("");
  const mine = useSWR<Answer<TokenView>>("/api/tokens", fetcher, { fallbackData: { tokens: initial } });
  const all = useSWR<Answer<TeamTokenView>>(isAdmin ? "/api/tokens?all=1" : null, fetcher, { fallbackData: { tokens: team } });
  const refresh = () => Promise.all([mine.mutate(), isAdmin ? all.mutate() : undefined]);

  const revoke = async (token: TokenView) => {
    await send(`/api/tokens/${token.id}`, "DELETE");
    setStatus(`Token “${token.name}” revoked.`);
    await refresh();
  };

  return (
    <div className="space-y-10">
      <section aria-labelledby="tokens-title" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="tokens-title" className="text-base font-semibold">
            Your tokens
          </h2>
          <NewTokenDialog
            isAdmin={isAdmin}
            onMade={(token) => {
              setStatus(`Token “${token.name}” made.`);
              void refresh();
            }}
          />
        </div>
        <p role="status" aria-live="polite" className="min-h-5 text-sm text-zinc-700 dark:text-zinc-300">
          {status}
        </p>
        <TokenList tokens={mine.data?.tokens ?? initial} empty="You have no tokens yet." onRevoke={revoke} />
      </section>
      {isAdmin ? (
        <section aria-labelledby="team-tokens-title" className="space-y-4">
          <h2 id="team-tokens-title" className="text-base font-semibold">
            Everyone’s tokens
          </h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">Every member’s live tokens. Revoke any that should no longer work.</p>
          <TokenList tokens={all.data?.tokens ?? team} empty="Nobody has a token." onRevoke={revoke} />
        </section>
      ) : null}
    </div>
  );
}
