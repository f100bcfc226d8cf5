import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { signDelivery } from "@/lib/wavespeed/webhook";
import type { FaultBook } from "./faults";

export type WebhookStats = { sent: number; failed: number; dropped: number };

/** The simulator's webhook secret, kept in its work folder so it outlives a restart (as WaveSpeed's does). */
export function simulatorSecret(workDir: string, configured?: string): string {
  if (configured) return configured;
  const file = path.join(/*turbopackIgnore: true*/ workDir, "webhook-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(workDir, { recursive: true });
    const secret = `whsec_${randomBytes(24).toString("hex")}`;
    fs.writeFileSync(file, secret);
    return secret;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Delivers a finished task to the address a submit gave, signed as WaveSpeed signs: `webhook-id`,
 * `webhook-timestamp` (unix s), `webhook-signature: v3,<hex HMAC-SHA256 of "{id}.{timestamp}.{body}">`.
 * Fault switches drop, repeat, mis-sign, age or delay a delivery. Network errors and 5xx are tried again.
 */
export class WebhookSender {
  readonly stats: WebhookStats = { sent: 0, failed: 0, dropped: 0 };

  constructor(
    readonly secret: string,
    private readonly faults: FaultBook,
    private readonly slowMs: number,
  ) {}

  async deliver(url: string, task: unknown): Promise<void> {
    const fault = this.faults.take("webhook", undefined);
    if (fault === "drop") {
      this.stats.dropped += 1;
      return;
    }
    if (fault === "slow") await sleep(this.slowMs);
    const id = `msg_${randomBytes(12).toString("hex")}`;
    const times = fault === "repeat" ? 2 : 1;
    for (let i = 0; i < times; i++) await this.send(url, id, task, fault);
  }

  private async send(url: string, id: string, task: unknown, fault: string | undefined): Promise<void> {
    const body = JSON.stringify(task);
    for (let attempt = 0; attempt < 3; attempt++) {
      const timestamp = Math.floor(Date.now() / 1000) - (fault === "stale" ? 600 : 0);
      const signature = signDelivery(fault === "badsig" ? `${this.secret}-wrong` : this.secret, id, timestamp, body);
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "webhook-id": id,
            "webhook-timestamp": String(timestamp),
            "webhook-signature": signature,
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await res.body?.cancel();
        if (res.status < 500) {
          if (res.ok) this.stats.sent += 1;
          else this.stats.failed += 1;
          return;
        }
      } catch {
        // not reachable: try again
      }
      await sleep(1000 * (attempt + 1));
    }
    this.stats.failed += 1;
  }
}
