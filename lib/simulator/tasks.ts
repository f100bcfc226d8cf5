import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { probeImage } from "@/lib/images/probe";
import { DEFAULT_MODEL, modelOf, resolutionFor, type ModelEntry } from "@/lib/catalog";
import { priceMicros } from "@/lib/model/price";
import { nearestAspectRatio, outputSize, type AspectRatio } from "@/lib/model/seedance";
import { fetchImage, MediaAccessError } from "./fetch-image";
import { FINAL_STATUSES, taskState, type Ending } from "./task-state";
import { check } from "./validate";
import { copyFallbackClip, hasFfmpeg, renderClip } from "./video";

export { InputError } from "./validate";

export type SimTask = {
  id: string;
  createdAt: Date;
  /** The catalog id it was submitted to (absent in tasks from before: lite 480p). */
  model?: string;
  input: Record<string, unknown>;
  fail: boolean;
  nsfw: boolean;
  /** Ends cancelled, timed out or deleted instead of rendering (fault switches and prompt tags). */
  ending?: Ending;
  deletedAt?: number;
  ready: boolean;
  /** Submit to completion for this task, in ms (absent in tasks from before: the store's default). */
  delayMs?: number;
  /** When its video was rendered (the task cannot report completion before). */
  readyAt?: number;
  renderError?: string;
  renderErrorCode?: number;
};

type RenderOptions = { duration: number; aspectRatio: AspectRatio | undefined; resolution: string; audio: boolean };

/** Media access failed: an input could not be fetched (WaveSpeed's code 1402). */
class InputFetchError extends Error {}

/** How long tasks take: `baseMs`, plus `perSecondMs` for each second of video, give or take `jitter` (a fraction). */
export type Timing = {
  baseMs: number;
  perSecondMs?: number;
  jitter?: number;
  /** Render each clip with ffmpeg (default); off, every task gets the stock clip (benchmarks: WaveSpeed renders elsewhere). */
  render?: boolean;
};

/** A file uploaded to this simulator, "missing" for one of its media URLs it cannot serve, undefined for other URLs. */
export type OwnMedia = (href: string) => Promise<{ bytes: Buffer } | "missing" | undefined>;

export class TaskStore {
  readonly tasks = new Map<string, SimTask>();
  readonly defaultModel = DEFAULT_MODEL.id;
  balanceMicros = 100_000_000;
  /** Failed tasks keep their charge (no refund item): see billing.ts. */
  billFailed = false;

  private readonly timing: Required<Timing>;
  /** Reads the simulator's own uploads (set by the server). */
  ownMedia: OwnMedia = async () => undefined;

  /** An input URL as WaveSpeed fetches it: one it cannot reach fails the task as media access failed. */
  private async fetchInput(field: "image" | "last_image", url: string): Promise<Buffer> {
    try {
      const own = await this.ownMedia(url);
      if (own === "missing") throw new MediaAccessError(`${url} answered 404`);
      return own ? own.bytes : await fetchImage(url);
    } catch (error) {
      const reason = error instanceof MediaAccessError ? error.message : String(error);
      throw new InputFetchError(`media access failed: could not fetch ${field}: ${reason}`);
    }
  }

  constructor(
    private readonly workDir: string,
    timing: number | Timing,
  ) {
    const t = typeof timing === "number" ? { baseMs: timing } : timing;
    this.timing = { baseMs: t.baseMs, perSecondMs: t.perSecondMs ?? 0, jitter: t.jitter ?? 0, render: t.render ?? true };
  }

  /** This task's submit-to-completion time. */
  delayFor(task: SimTask): number {
    return task.delayMs ?? this.timing.baseMs;
  }

  videoPath(id: string): string {
    return path.join(/*turbopackIgnore: true*/ this.workDir, `${id}.mp4`);
  }

  private metaPath(id: string): string {
    return path.join(/*turbopackIgnore: true*/ this.workDir, `${id}.json`);
  }

  /**
   * A task from memory, or one a previous run of the simulator created: like the real API, tasks
   * outlive a restart of whoever is polling (here the simulator shares the app's process).
   */
  get(id: string): SimTask | undefined {
    const known = this.tasks.get(id);
    if (known || !/^[a-f0-9]{32}$/.test(id) || !existsSync(this.metaPath(id))) return known;
    const meta = JSON.parse(readFileSync(this.metaPath(id), "utf8")) as Omit<SimTask, "createdAt" | "ready"> & { createdAt: string };
    const ready = existsSync(this.videoPath(id));
    const task: SimTask = { ...meta, createdAt: new Date(meta.createdAt), ready };
    if (!ready && !meta.fail && !meta.ending) {
      if (existsSync(this.inputPath(id, "start"))) {
        void this.renderFromDisk(task, this.renderOptions(task)).catch((error: unknown) => this.failed(task, error));
      } else {
        task.renderError = "the simulator restarted before this video was rendered";
      }
    }
    this.tasks.set(id, task);
    return task;
  }

  /** Validates like the real API (throws InputError for a 400) and starts rendering in the background. */
  create(
    input: Record<string, unknown>,
    flags: { fail: boolean; nsfw: boolean; ending?: Ending },
    entry: ModelEntry = DEFAULT_MODEL,
  ): SimTask {
    const parsed = check(entry, input);
    const prompt = typeof input.prompt === "string" ? input.prompt : "";
    const tagged = /\[sim:(cancelled|timeout|deleted)\]/.exec(prompt)?.[1] as Ending | undefined;
    const task: SimTask = {
      id: randomBytes(16).toString("hex"),
      createdAt: new Date(),
      model: entry.id,
      input,
      fail: flags.fail || prompt.includes("[sim:fail]"),
      nsfw: flags.nsfw || prompt.includes("[sim:nsfw]"),
      ending: flags.ending ?? tagged,
      ready: false,
      delayMs: Math.round(
        (this.timing.baseMs + this.timing.perSecondMs * parsed.duration) * (1 + this.timing.jitter * (2 * Math.random() - 1)),
      ),
    };
    this.tasks.set(task.id, task);
    this.balanceMicros -= priceMicros(parsed.duration, 1, { model: entry.id, resolution: parsed.resolution });
    void this.saveMeta(task);
    void this.render(task, parsed).catch((error: unknown) => this.failed(task, error));
    return task;
  }

  private async saveMeta(task: SimTask): Promise<void> {
    const { id, createdAt, model, fail, nsfw, ending, deletedAt, delayMs, input } = task;
    await fs.mkdir(this.workDir, { recursive: true });
    const kept = { ...input, image: undefined, last_image: undefined };
    await fs.writeFile(this.metaPath(id), JSON.stringify({ id, createdAt, model, fail, nsfw, ending, deletedAt, delayMs, input: kept }));
  }

  private failed(task: SimTask, error: unknown): void {
    task.renderError = error instanceof Error ? error.message : String(error);
    task.renderErrorCode = error instanceof InputFetchError ? 1402 : 5000;
  }

  /** `POST /api/v3/predictions/delete`: the task answers "deleted" from now on, and its video is gone. */
  async delete(task: SimTask): Promise<void> {
    task.deletedAt ??= Date.now();
    await this.saveMeta(task);
    await fs.rm(this.videoPath(task.id), { force: true });
  }

  private async render(task: SimTask, parsed: ReturnType<typeof check>): Promise<void> {
    if (task.fail || task.ending) return;
    await fs.mkdir(this.workDir, { recursive: true });
    const image = typeof parsed.image === "string" ? await this.fetchInput("image", parsed.image) : parsed.image;
    const last = typeof parsed.lastImage === "string" ? await this.fetchInput("last_image", parsed.lastImage) : parsed.lastImage;
    await fs.writeFile(this.inputPath(task.id, "start"), image);
    if (last) await fs.writeFile(this.inputPath(task.id, "end"), last);
    await this.renderFromDisk(task, parsed);
  }

  /** How a task's clip is rendered, from its stored input (after a restart). */
  private renderOptions(task: SimTask): RenderOptions {
    const entry = modelOf(task.model);
    const input = task.input as { duration?: number; aspect_ratio?: AspectRatio; resolution?: string; generate_audio?: boolean };
    return {
      duration: input.duration ?? entry.duration.default,
      aspectRatio: input.aspect_ratio,
      resolution: resolutionFor(entry, input.resolution),
      audio: entry.audio ? (input.generate_audio ?? entry.audio.default) : false,
    };
  }

  private inputPath(id: string, which: "start" | "end"): string {
    return path.join(/*turbopackIgnore: true*/ this.workDir, `${id}.${which}`);
  }

  /** Renders from the inputs kept on disk, then removes them: a restart mid-render can run it again. */
  private async renderFromDisk(task: SimTask, { duration, aspectRatio, resolution, audio }: RenderOptions): Promise<void> {
    const imagePath = this.inputPath(task.id, "start");
    const lastPath = existsSync(this.inputPath(task.id, "end")) ? this.inputPath(task.id, "end") : undefined;
    const info = probeImage(await fs.readFile(imagePath));
    if (!info) throw new InputFetchError("media access failed: the fetched image could not be read");
    const out = this.videoPath(task.id);
    if (this.timing.render && hasFfmpeg()) {
      const ratio = aspectRatio ?? nearestAspectRatio(info.width, info.height);
      await renderClip({ image: imagePath, lastImage: lastPath, ...outputSize(ratio, resolution), duration, audio, out });
    } else {
      await copyFallbackClip(out);
    }
    await fs.rm(imagePath, { force: true });
    if (lastPath) await fs.rm(lastPath, { force: true });
    task.ready = true;
    task.readyAt = Date.now();
  }

  /** When the task finished (reports a final status from then on), or undefined while it runs. */
  finishedAt(task: SimTask): number | undefined {
    if (task.deletedAt !== undefined) return Math.min(task.deletedAt, this.finishedAtUndeleted(task) ?? Infinity);
    return this.finishedAtUndeleted(task);
  }

  private finishedAtUndeleted(task: SimTask): number | undefined {
    const due = task.createdAt.getTime() + this.delayFor(task);
    if (task.fail || task.ending || task.renderError) return Date.now() >= due ? due : undefined;
    return task.readyAt === undefined ? undefined : Math.max(due, task.readyAt);
  }

  /** The task's view once it has finished or failed (for a webhook delivery). */
  async settled(task: SimTask, baseUrl: string): Promise<ReturnType<TaskStore["view"]>> {
    await new Promise((r) => setTimeout(r, Math.max(0, task.createdAt.getTime() + this.delayFor(task) - Date.now())));
    for (;;) {
      const view = this.view(task, baseUrl);
      if (FINAL_STATUSES.has(view.status)) return view;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The task as the result endpoint reports it now: created, then processing, then its ending. */
  view(task: SimTask, baseUrl: string) {
    const age = Date.now() - task.createdAt.getTime();
    const delay = this.delayFor(task);
    const { status, error, code } = taskState(task, age, delay);
    const done = FINAL_STATUSES.has(status);
    const elapsed = done ? Math.min(age, delay) : 0;
    return {
      id: task.id,
      model: task.model ?? DEFAULT_MODEL.id,
      outputs: status === "completed" ? [`${baseUrl}/outputs/${task.id}.mp4`] : [],
      urls: { get: `${baseUrl}/api/v3/predictions/${task.id}/result` },
      has_nsfw_contents: status === "completed" ? [task.nsfw] : [],
      status,
      created_at: task.createdAt.toISOString(),
      error,
      ...(code === undefined ? {} : { code }),
      executionTime: elapsed,
      timings: { inference: elapsed },
    };
  }
}
