/** Runs the WaveSpeed simulator on its own: `npm run simulator`. */
import path from "node:path";
import { startSimulator } from "@/lib/simulator/server";

const sim = await startSimulator({
  port: Number(process.env.SIM_PORT ?? 3100),
  host: process.env.SIM_HOST ?? "127.0.0.1",
  apiKey: process.env.SIM_API_KEY ?? "keyframe-simulator",
  delayMs: Number(process.env.SIM_DELAY_MS ?? 4000),
  delayPerSecondMs: Number(process.env.SIM_DELAY_PER_SECOND_MS ?? 0),
  delayJitter: Number(process.env.SIM_DELAY_JITTER ?? 0),
  render: process.env.SIM_RENDER !== "0",
  webhookSecret: process.env.SIM_WEBHOOK_SECRET,
  workDir: path.resolve(process.env.SIM_DATA_DIR ?? "./data/simulator-standalone"),
  faults: process.env.SIM_FAULTS,
  slowMs: Number(process.env.SIM_SLOW_MS ?? 5000),
  syncTimeoutMs: Number(process.env.SIM_SYNC_TIMEOUT_MS ?? 90_000),
});
console.log(`WaveSpeed simulator listening on ${sim.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void sim.close().then(() => process.exit(0)));
}
