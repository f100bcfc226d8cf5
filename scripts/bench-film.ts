/**
 * Export time of a film: a fresh server, a storyboard of `shots` takes of `seconds` each (the simulator's
 * real H.264 clips at 864×480, each continued from the last frame of the one before), exported `runs`
 * times. Prints, per run, the time from the export request to the film being stored (as the progress bar
 * sees it) and the render alone, then the medians. `npm run bench:film -- [runs=5] [shots=3] [seconds=5]`.
 */
import { median, sleep, startApp } from "./bench/kit";
import { api, continuedBoard } from "./film-kit";

const [runs = 5, shots = 3, seconds = 5] = process.argv.slice(2).map(Number);
type Film = { id: string; status: string; createdAt: string; finishedAt: string | null; durationS: number | null; error: string | null };

const app = await startApp({ dir: ".", label: "this checkout" }, Number(process.env.BENCH_PORT ?? 5400), { SIMULATOR_DELAY_MS: "500" });
try {
  const prompts = Array.from({ length: shots }, (_, i) => `Shot ${i + 1}: a slow push-in on a harbour at dusk`);
  const board = await continuedBoard(app, "Export benchmark", prompts, seconds);
  const total: number[] = [];
  const render: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const queued = await api<Film>(app, `/api/storyboards/${board.id}/export`, "POST");
    let film: Film | undefined;
    for (;;) {
      film = (await api<{ films: Film[] }>(app, `/api/storyboards/${board.id}`)).films.find((f) => f.id === queued.id);
      if (film?.status === "failed") throw new Error(film.error ?? "export failed");
      if (film?.status === "done") break;
      await sleep(50);
    }
    total.push(performance.now() - started);
    render.push(Date.parse(film.finishedAt!) - Date.parse(film.createdAt));
    console.log(
      `run ${run + 1}: ${(total.at(-1)! / 1000).toFixed(2)} s to a stored ${film.durationS} s film (render ${(render.at(-1)! / 1000).toFixed(2)} s)`,
    );
  }
  console.log(
    `median over ${runs} runs, ${shots} × ${seconds} s: ${(median(total) / 1000).toFixed(2)} s request to stored film, ${(median(render) / 1000).toFixed(2)} s queued to done`,
  );
} finally {
  await app.stop();
}
