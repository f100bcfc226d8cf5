/** What the film scripts share: takes made and saved over HTTP, and a storyboard of them built by continuing from last frames. */
import { sleep, type RunningApp } from "./bench/kit";
import { jobForm } from "@/lib/test/job-form";

export async function api<T>(app: RunningApp, path: string, method = "GET", body?: unknown): Promise<T> {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { cookie: app.cookie, origin: app.url, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function saved(app: RunningApp, id: string): Promise<void> {
  for (;;) {
    const job = await api<{ status: string; copy: { state: string } }>(app, `/api/jobs/${id}`);
    if (job.status === "failed") throw new Error(`take ${id} failed`);
    if (job.copy.state === "done") return;
    await sleep(200);
  }
}

export type Shot = { id: string; pickedJobId: string; takes: { id: string }[] };
export type Board = { id: string; shots: Shot[] };

/** A board of `prompts.length` shots: the first from a new take (with `variations` of it), each next one continued from the last frame. */
export async function continuedBoard(app: RunningApp, name: string, prompts: string[], duration: number, variations = 1): Promise<Board> {
  const body = jobForm(
    { prompt: prompts[0]!, duration: String(duration), aspectRatio: "16:9", variations: String(variations) },
    { width: 864, height: 480, tint: [40, 90, 160] },
  );
  const res = await fetch(`${app.url}/api/jobs`, { method: "POST", body, headers: { cookie: app.cookie, origin: app.url } });
  const first = ((await res.json()) as { jobs: { id: string }[] }).jobs;
  await Promise.all(first.map((j) => saved(app, j.id)));
  let board = await api<Board>(app, "/api/storyboards", "POST", { name, jobIds: [first[0]!.id] });
  for (const job of first.slice(1)) {
    board = await api<Board>(app, `/api/storyboards/${board.id}/shots`, "POST", { jobId: job.id, shotId: board.shots[0]!.id });
  }
  for (const prompt of prompts.slice(1)) {
    const last = board.shots.at(-1)!;
    const next = await api<{ jobs: { id: string }[] }>(app, `/api/storyboards/${board.id}/shots/${last.id}/continue`, "POST", {
      prompt,
      duration,
      cameraFixed: false,
      seed: -1,
      variations: 1,
    });
    await saved(app, next.jobs[0]!.id);
    board = await api<Board>(app, `/api/storyboards/${board.id}`);
  }
  return board;
}
