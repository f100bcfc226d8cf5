"use client";

import { useState } from "react";
import { ApiError, send } from "@/lib/http/fetcher";
import type { MyFeedback, ReviewView } from "@/lib/reviews/types";
import { reviewerNameSchema } from "@/lib/validations/review";
import { useDrafts, type Word } from "./use-drafts";
import { useReviewer } from "./use-reviewer";

export type ShotErrors = { pick?: string; comment?: string; shotKey?: string };
type Errors = { name?: string; shots: Record<string, ShotErrors> };

export const NAME_FIELD = "reviewer-name";
const EMPTY: Word = { pick: null, comment: "" };
const same = (a: Word, b: Word) => a.pick === b.pick && a.comment === b.comment;
const without = <T>(record: Record<string, T>, keys: string[]): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));

/** Maps a batch's field errors ("shots.2.comment") back to the shots they name. */
function errorsOf(error: ApiError, keys: string[]): Errors {
  const errors: Errors = { name: error.fields.name, shots: {} };
  for (const [field, message] of Object.entries(error.fields)) {
    const [, index, name] = /^shots\.(\d+)\.(pick|comment|shotKey)$/.exec(field) ?? [];
    const key = keys[Number(index)];
    if (key && name) errors.shots[key] = { ...errors.shots[key], [name]: message };
  }
  return errors;
}

/**
 * A reviewer's picks and comments on every shot, kept in this browser until sent, and sent together by one
 * Send: a missing name is said beside the name field, and nothing chosen is lost.
 */
export function useReview(view: ReviewView) {
  const reviewer = useReviewer(view.token);
  const { drafts, update } = useDrafts(view.token);
  const [errors, setErrors] = useState<Errors>({ shots: {} });
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const { mine } = reviewer;

  const savedWord = (key: string): Word => {
    const saved = mine[key];
    return saved ? { pick: saved.pick, comment: saved.comment } : EMPTY;
  };
  const word = (key: string) => drafts[key] ?? savedWord(key);
  const unsent = (key: string) => drafts[key] !== undefined && !same(drafts[key], savedWord(key));
  const keys = view.shots.map((shot) => shot.key);

  const change = (key: string, next: Word) => {
    update((all) => (same(next, savedWord(key)) ? without(all, [key]) : { ...all, [key]: next }));
    setErrors((e) => (e.shots[key] ? { ...e, shots: without(e.shots, [key]) } : e));
  };
  const setName = (name: string) => {
    reviewer.setName(name);
    setErrors((e) => (e.name ? { ...e, name: undefined } : e));
  };

  const focusFirst = (next: Errors, sent: string[]) => {
    if (next.name) return document.getElementById(NAME_FIELD)?.focus();
    const key = sent.find((k) => next.shots[k]);
    if (!key) return;
    const field = next.shots[key]?.comment ? `#shot-${key}-comment` : `[name="shot-${key}-pick"]`;
    document.querySelector<HTMLElement>(field)?.focus();
  };

  const submit = async () => {
    if (busy || !reviewer.id) return;
    const name = reviewerNameSchema.safeParse(reviewer.name);
    if (!name.success) {
      const next = { name: name.error.issues[0]?.message ?? "Your name is empty.", shots: {} };
      setErrors(next);
      setStatus("Not sent: add your name above, then send. What you chose is kept.");
      focusFirst(next, []);
      return;
    }
    // A new name goes to what was sent before too.
    const sending = keys.filter((key) => unsent(key) || (mine[key] !== undefined && mine[key].name !== name.data));
    if (sending.length === 0) {
      setStatus(
        keys.some((key) => mine[key]) ? "Nothing new to send: everything you chose is sent." : "Pick a take or write a comment first.",
      );
      return;
    }
    setBusy(true);
    setErrors({ shots: {} });
    setStatus("Sending…");
    try {
      const answer = await send<{ mine: MyFeedback }>(`/api/review/${view.token}`, "POST", {
        reviewerId: reviewer.id,
        name: reviewer.name,
        shots: sending.map((key) => ({ shotKey: key, ...word(key) })),
      });
      reviewer.setMine(answer!.mine);
      update((all) => without(all, sending));
      setStatus("Sent. The team sees your picks and comments; change anything and send again.");
    } catch (error) {
      const next = error instanceof ApiError ? errorsOf(error, sending) : { shots: {} };
      setErrors(next);
      const marked = next.name || Object.keys(next.shots).length;
      setStatus(
        marked
          ? "Not sent: correct what is marked, then send again. What you chose is kept."
          : `Not sent: ${error instanceof Error ? error.message : "the server did not answer."} What you chose is kept.`,
      );
      focusFirst(next, sending);
    } finally {
      setBusy(false);
    }
  };

  return {
    reviewer: {
      ready: reviewer.id !== null,
      id: reviewer.id,
      name: reviewer.name,
      setName,
      decisions: reviewer.decisions,
      setDecisions: reviewer.setDecisions,
    },
    /** Says something in the page's one status region (a decision saved, say). */
    announce: setStatus,
    word,
    change,
    state: (key: string) => (unsent(key) ? ("unsent" as const) : mine[key] ? ("sent" as const) : null),
    unsentCount: keys.filter(unsent).length,
    errors,
    status,
    busy,
    submit,
  };
}
