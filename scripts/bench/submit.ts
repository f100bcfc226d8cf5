/** Submit overhead: POST /api/jobs against posting the same request to the simulator directly. */
import { makePng } from "@/lib/test/png";
import { jobForm } from "@/lib/test/job-form";
import { MODEL_ID } from "@/lib/model/seedance";
import { liftLimits, liveEnv, median, SIM_KEY, startApp, startSim, type Target } from "./kit";

const N = 30;

export async function submitOverhead(target: Target, port: number): Promise<{ keyframeMs: number; directMs: number }> {
  // No rendering: WaveSpeed renders on its own machines, and the simulator's ffmpeg would take this 2-core
  // machine's CPU from the server being timed (it doubled POST /api/jobs's time).
  const sim = await startSim(port + 5, { SIM_DELAY_MS: "1000", SIM_RENDER: "0" });
  const app = await startApp(target, port, liveEnv(sim));
  try {
    await liftLimits(app);
    const image = `data:image/png;base64,${makePng(640, 360).toString("base64")}`;
    const keyframe: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < N; i++) {
      let t = performance.now();
      const res = await fetch(`${app.url}/api/jobs`, {
        method: "POST",
        headers: { cookie: app.cookie },
        body: jobForm({ prompt: `Overhead ${i}` }),
      });
      if (res.status !== 201) throw new Error(`POST /api/jobs answered ${res.status}`);
      keyframe.push(performance.now() - t);
      t = performance.now();
      const up = await fetch(`${sim.url}/api/v3/${MODEL_ID}`, {
        method: "POST",
        headers: { authorization: `Bearer ${SIM_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ image, prompt: `Direct ${i}`, duration: 2, seed: -1, camera_fixed: false }),
      });
      await up.text();
      direct.push(performance.now() - t);
    }
    return { keyframeMs: median(keyframe), directMs: median(direct) };
  } finally {
    await app.stop();
    await sim.stop();
  }
}
