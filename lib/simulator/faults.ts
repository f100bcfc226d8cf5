/**
 * Fault switches. A spec is a comma-separated list of `target:kind[xN]`, e.g. `result:500x2,submit:429`.
 * target: submit | result | balance | output | any. kind: see FAULT_KINDS. N: how many requests it hits (`x*` = all).
 * `output` is a download of a finished video: `output:404x*` makes every output URL answer 404 from then on,
 * as WaveSpeed does once it has deleted a file (after 7 days). `webhook` is a delivery to a submit's
 * `?webhook=` address: `drop` (never sent), `repeat` (sent twice), `badsig` (wrong signature), `stale`
 * (a timestamp ten minutes old), `slow` (sent late). `upload` is the newer upload's ticket (`POST /media/uploads`;
 * `upload:404x*` makes clients fall back to the legacy one), `put` the PUT of its bytes, `binary` the legacy
 * multipart upload.
 * The same kinds work per request through the `x-sim-fault` header, and `fail`/`nsfw` also as a
 * `[sim:fail]` / `[sim:nsfw]` tag in the prompt; a submit whose prompt has `[sim:429]`, `[sim:500]` or
 * `[sim:malformed]` gets that answer.
 */
export const FAULT_KINDS = ["404", "429", "500", "503", "slow", "malformed", "fail", "nsfw", "drop", "repeat", "badsig", "stale"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultTarget = "submit" | "result" | "balance" | "output" | "webhook" | "upload" | "put" | "binary";
type Rule = { target: FaultTarget | "any"; kind: FaultKind; remaining: number };

export function parseFaultSpec(spec: string): Rule[] {
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(submit|result|balance|output|webhook|upload|put|binary|any):(\d{3}|[a-z]+)(?:x(\d+|\*))?$/.exec(part);
      if (!match || !FAULT_KINDS.includes(match[2] as FaultKind)) throw new Error(`Bad fault rule "${part}"`);
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
    if (header && FAULT_KINDS.includes(header as FaultKind)) return header as FaultKind;
    // `any` means the API's own requests; deliveries are only shaped by `webhook:` rules.
    const rule = this.rules.find((r) => r.remaining > 0 && (r.target === target || (r.target === "any" && target !== "webhook")));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.kind;
  }
}
