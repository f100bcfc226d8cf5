import "server-only";
import {
  claimFilm,
  failAbandonedFilms,
  filmsWaiting,
  finishFilm,
  getFilm,
  releaseFilms,
  reportFilmProgress,
  type FilmLease,
} from "@/lib/db/queries/films";
import type { Film } from "@/lib/db/schema";
import { removeFilmFiles } from "./files";
import { FilmError, renderFilm } from "./render";

const IDLE_MS = 3000;
const HEARTBEAT_MS = 1000;
const MAX_ATTEMPTS = 3;
const ABANDONED = "The export was interrupted too many times; export again.";

/** A film deleted (alone or with its board) while it rendered: the delete may have run before its files existed. */
async function dropIfDeleted(id: string): Promise<void> {
  if (!(await getFilm(id))) await removeFilmFiles([id]);
}

/**
 * One per server process; several may share a database. Renders one film at a time, claimed under a lease
 * that each progress report renews, so a killed instance's export is taken over (and started over) by
 * another once the lease runs out. Progress lives in the database, where every instance can read it.
 */
export class FilmExporter {
  private timer: NodeJS.Timeout | undefined;
  private running: { film: Film; abort: AbortController; done: Promise<void> } | undefined;
  private stopped = false;

  constructor(private readonly options: { instanceId: string; leaseMs?: number }) {}

  private lease(): FilmLease {
    return { owner: this.options.instanceId, now: Date.now(), ms: this.options.leaseMs ?? 15_000 };
  }

  start(): void {
    this.schedule(0);
  }

  kick(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    if (this.running || this.stopped) return;
    try {
      const lease = this.lease();
      // Idle instances only read: the writes happen when there is something to claim.
      const waiting = await filmsWaiting(lease.now);
      if (waiting) await failAbandonedFilms(lease.now, MAX_ATTEMPTS, ABANDONED);
      const film = waiting ? await claimFilm(lease, MAX_ATTEMPTS) : undefined;
      if (film) {
        const abort = new AbortController();
        const done = this.render(film, abort).finally(() => {
          this.running = undefined;
          this.schedule(0);
        });
        this.running = { film, abort, done };
        return;
      }
    } catch (error) {
      console.error("[films] claim failed", error);
    }
    this.schedule(IDLE_MS);
  }

  private async render(film: Film, abort: AbortController): Promise<void> {
    let progress = 0;
    const heartbeat = setInterval(() => {
      void reportFilmProgress(film.id, this.lease(), progress).then(
        (held) => (held ? undefined : abort.abort()),
        (error: unknown) => console.error("[films] progress report failed", error),
      );
    }, HEARTBEAT_MS);
    try {
      const rendered = await renderFilm(film, (p) => (progress = p), abort.signal);
      const kept = await finishFilm(film.id, this.options.instanceId, {
        status: "done",
        progress: 1000,
        error: null,
        finishedAt: Date.now(),
        ...rendered,
      });
      if (!kept) await dropIfDeleted(film.id);
    } catch (error) {
      // Stopped because the film was deleted (its heartbeat found no row), or because this instance is leaving.
      if (abort.signal.aborted) {
        await dropIfDeleted(film.id);
        return;
      }
      const permanent = error instanceof FilmError || film.attempts >= MAX_ATTEMPTS;
      const message = error instanceof FilmError ? error.message : `The export failed: ${(error as Error).message}`;
      console.error(`[films] ${film.id}:`, message);
      await finishFilm(
        film.id,
        this.options.instanceId,
        permanent ? { status: "failed", error: message, finishedAt: Date.now() } : { status: "queued", error: message },
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Stops claiming, abandons the render in progress and hands it back, so another instance starts it at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.running?.abort.abort();
    await this.running?.done;
    await releaseFilms(this.options.instanceId);
  }
}

const registry = globalThis as typeof globalThis & { __keyframeFilms?: FilmExporter };

export function setFilmExporter(exporter: FilmExporter | undefined): void {
  registry.__keyframeFilms = exporter;
}

export function getFilmExporter(): FilmExporter | undefined {
  return registry.__keyframeFilms;
}

export function kickFilmExporter(): void {
  registry.__keyframeFilms?.kick();
}
