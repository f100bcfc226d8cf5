/**
 * Fault switches. A spec is a comma-separated list of `target:kind[xN]`, e.g. `result:500x2,submit:429`.
 * target: submit | result | balance | output | upload | put | binary | any. kind: see FAULT_KINDS, or
 * `late<N>`. N: how many requests it hits (`x*` = all).
 * - HTTP answers: `404`, `429` (no Retry-After, as WaveSpeed documents none), `429ra` (429 with
 *   `Retry-After: 1`), `500`, `503`, `401` (key refused), `403` (account suspended); `code500` is HTTP 200
 *   with the envelope `{code: 500, message, data: null}`; `malformed` a cut-off JSON body; `slow` answers late.
 * - Task shapes (submit): `fail`, `nsfw`, `cancelled`, `timeout`, `deleted`: the task ends that way.
 *   `late<N>` (submit): the task is created at once, and the answer is sent N seconds later.
 * - `output` is a download of a finished video: `output:404x*` makes every output URL answer 404 from then
 *   on, as WaveSpeed does once it has deleted a file (after 7 days).
 * - `webhook` is a delivery to a submit's `?webhook=` address: `drop` (never sent), `repeat` (sent twice),
 *   `badsig` (wrong signature), `stale` (a timestamp ten minutes old), `slow` (sent late).
 * - `upload` is the newer upload's ticket (`POST /media/uploads`; `upload:404x*` makes clients fall back to
 *   the legacy one), `put` the PUT of its bytes, `binary` the legacy multipart upload.
 * The same kinds work per request through the `x-sim-fault` header, and on a submit as a `[sim:<kind>]`
 * tag in the prompt (task shapes, `late<N>`, and the HTTP answers above).
 */
export const FAULT_KINDS = [
  "401",
  "403",
  "404",
  "429",
  "429ra",
  "500",
  "503",
  "code500",
  "slow",
  "malformed",
  "fail",
  "nsfw",
  "cancelled",
  "timeout",
  "deleted",
  "drop",
  "repeat",
  "badsig",
  "stale",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number] | `late${number}`;
export type FaultTarget = "submit" | "result" | "balance" | "output" | "webhook" | "upload" | "put" | "binary";
type Rule = { target: FaultTarget | "any"; kind: FaultKind; remaining: number };

export function isFaultKind(kind: string): kind is FaultKind {
  return FAULT_KINDS.includes(kind as (typeof FAULT_KINDS)[number]) || /^late\d{1,4}$/.test(kind);
}

/** Seconds a `late<N>` kind delays the submit's answer, or undefined for other kinds. */
export function lateSeconds(kind: string | undefined): number | undefined {
  const match = kind ? /^late(\d{1,4})$/.exec(kind) : null;
  return match ? Number(match[1]) : undefined;
}

export function parseFaultSpec(spec: string): Rule[] {
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(submit|result|balance|output|webhook|upload|put|binary|any):([a-z0-9]+?)(?:x(\d+|\*))?$/.exec(part);
      if (!match || !isFaultKind(match[2] ?? "")) throw new Error(`Bad fault rule "${part}"`);
      const count = match[3] === "*" ? Infinity : Number(match[3] ?? 1);
      return { target: match[1] as Rule["target"], kind: match[2] as FaultKind, remaining: count };
    });
}

export class FaultBook {
  private rules: Rule[] = [];

  set(spec: string): void {
    this.rules = parseFaultSpec(spec);
  }

  /** Takes the next fault for this request: a header wins, then the first matching rule. */
  take(target: FaultTarget, header: string | undefined): FaultKind | undefined {
    if (header && isFaultKind(header)) return header;
    // `any` means the API's own requests; deliveries are only shaped by `webhook:` rules.
    const rule = this.rules.find((r) => r.remaining > 0 && (r.target === target || (r.target === "any" && target !== "webhook")));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.kind;
  }
}
