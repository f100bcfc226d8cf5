"use client";

import useSWR from "swr";
import type { CommentList } from "@/lib/comments/types";
import type { DrawingShape } from "@/lib/db/enums";
import { fetcher, send } from "@/lib/http/fetcher";
import { onPicture, type CommentSource } from "./comment-source";

export type NewComment = { body: string; atMs?: number; endMs?: number; drawing?: DrawingShape[]; parentId?: string };

/** A picture's comments, and adding, replying and resolving (each answers the fresh list). */
export function useComments(source: CommentSource) {
  const { data, error, mutate } = useSWR<CommentList>(source.listUrl, fetcher);
  const comments = onPicture(data?.comments ?? [], source.target);
  const add = async (comment: NewComment) => {
    const answer = await send<CommentList>(source.postUrl, "POST", { ...source.extra, ...source.target, ...comment });
    if (answer) await mutate(answer, { revalidate: false });
  };
  const resolve = async (id: string, resolved: boolean) => {
    const answer = await send<CommentList>(`/api/comments/${id}`, "PATCH", { resolved });
    if (answer) await mutate(answer, { revalidate: false });
  };
  return { comments, loading: !data && !error, error, add, resolve };
}
