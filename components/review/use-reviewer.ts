"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { fetcher } from "@/lib/http/fetcher";
import type { MyDecisions, MyFeedback } from "@/lib/reviews/types";

const ID_KEY = "keyframe:reviewer";
const NAME_KEY = "keyframe:reviewer-name";

const subscribe = (onChange: () => void) => {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
};

function storedId(): string {
  let id = localStorage.getItem(ID_KEY);
  if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
    id = crypto.randomUUID().replaceAll("-", "");
    localStorage.setItem(ID_KEY, id);
  }
  return id;
}

/**
 * Who is reviewing, without an account: a random id kept in this browser (so picks can be changed later),
 * the name they type (remembered), and what they sent before on this link.
 */
export function useReviewer(token: string) {
  const id = useSyncExternalStore(subscribe, storedId, () => null);
  const storedName = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(NAME_KEY) ?? "",
    () => "",
  );
  const [typed, setTyped] = useState<string | null>(null);
  const [mine, setMine] = useState<MyFeedback>({});
  const [decisions, setDecisions] = useState<MyDecisions>({});
  useEffect(() => {
    if (!id) return;
    fetcher<{ mine: MyFeedback; decisions?: MyDecisions }>(`/api/review/${token}?reviewer=${id}`).then(
      (answer) => {
        setMine(answer.mine);
        setDecisions(answer.decisions ?? {});
      },
      () => undefined,
    );
  }, [id, token]);
  const setName = (value: string) => {
    setTyped(value);
    localStorage.setItem(NAME_KEY, value);
  };
  return { id, name: typed ?? storedName, setName, mine, setMine, decisions, setDecisions };
}
