import { z } from "zod";
import { blockedAddress, METADATA_HOSTS } from "@/lib/hooks/address";

export const HOOK_URL_MAX = 2000;
export const HOOKS_PER_MEMBER = 10;

/** Why a URL cannot be a hook's, or null: http(s), no credentials, not a link-local or metadata address. */
export function hookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "The URL is not a web address; it must start with http:// or https://.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `The URL must start with http:// or https:// (not ${url.protocol}//).`;
  if (url.username || url.password) return "The URL must not hold a user name or password; the signature proves the request is Keyframe's.";
  if (!url.hostname) return "The URL has no host.";
  if (METADATA_HOSTS.has(url.hostname.toLowerCase()))
    return `The URL points at a cloud metadata service (${url.hostname}), which Keyframe never calls.`;
  const blocked = blockedAddress(url.hostname);
  if (blocked) return `The URL points at ${blocked}, which Keyframe never calls.`;
  return null;
}

export const hookUrlSchema = z
  .string({ error: "The URL must be text." })
  .trim()
  .min(1, { error: "The URL is empty." })
  .max(HOOK_URL_MAX, {
    error: (issue) => `The URL is too long: at most ${HOOK_URL_MAX} characters (this has ${String(issue.input).length}).`,
  })
  .superRefine((value, ctx) => {
    const problem = hookUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** `POST /api/hooks`: the URL each of the member's finished takes is POSTed to. */
export const hookCreateSchema = z.object({ url: hookUrlSchema });
export type HookCreateInput = z.input<typeof hookCreateSchema>;
