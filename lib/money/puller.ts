import "server-only";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";
import { checkAlerts } from "./alerts";
import { pullBilling, type PullOptions } from "./billing";

const store = globalThis as typeof globalThis & { __keyframeBilling?: BillingPuller };

/**
 * One per server process: looks every `tickMs` whether WaveSpeed's billing is due a pull (a job ended, an
 * admin asked, half an hour passed) and pulls it under the database lease (lib/money/billing.ts).
 */
export class BillingPuller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: WaveSpeedClient,
    private readonly options: PullOptions & { tickMs?: number },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running = pullBilling(this.client, this.options)
        .catch((error: unknown) => console.warn(`[billing] could not read WaveSpeed's billing: ${(error as Error).message}`))
        .then(() => checkAlerts())
        .catch((error: unknown) => console.error("[alerts] check failed", error));
    }, this.options.tickMs ?? 15_000);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}

export const getBillingPuller = () => store.__keyframeBilling;
export const setBillingPuller = (p: BillingPuller | undefined) => void (store.__keyframeBilling = p);
