/** What a simulated task reports at a moment: its status, plain error text, and WaveSpeed's code for it. */
export type TaskState = { status: TaskStatus; error: string; code?: number };
export type TaskStatus = "created" | "processing" | "completed" | "failed" | "cancelled" | "timeout" | "deleted";
export type Ending = "cancelled" | "timeout" | "deleted";

export const ENDINGS: readonly Ending[] = ["cancelled", "timeout", "deleted"];
export const FINAL_STATUSES: ReadonlySet<string> = new Set(["completed", "failed", "cancelled", "timeout", "deleted"]);

/** Error text carries no numbers; the code travels beside it (`code`), as WaveSpeed's sync time-out does. */
const ENDED: Record<Ending | "failed", TaskState> = {
  failed: { status: "failed", error: "Task failed: the model could not generate this video (simulated failure).", code: 1403 },
  cancelled: { status: "cancelled", error: "The task was cancelled before it finished." },
  timeout: { status: "timeout", error: "The task timed out before the model finished.", code: 5004 },
  deleted: { status: "deleted", error: "The task was deleted." },
};

export type StateInput = {
  fail: boolean;
  ending?: Ending;
  /** Deleted through `POST /api/v3/predictions/delete`: from then on the task says "deleted". */
  deletedAt?: number;
  ready: boolean;
  renderError?: string;
  /** 1402 when an input could not be fetched; otherwise an internal error (5000). */
  renderErrorCode?: number;
};

/** created for the first quarter of its time, then processing, then its ending once its time is up. */
export function taskState(task: StateInput, ageMs: number, delayMs: number): TaskState {
  if (task.deletedAt !== undefined) return ENDED.deleted;
  const running: TaskState = { status: ageMs >= delayMs * 0.25 ? "processing" : "created", error: "" };
  if (ageMs < delayMs) return running;
  if (task.fail) return ENDED.failed;
  if (task.ending) return ENDED[task.ending];
  if (task.renderError) {
    const code = task.renderErrorCode ?? 5000;
    return { status: "failed", error: code === 5000 ? `Internal error: ${task.renderError}` : task.renderError, code };
  }
  return task.ready ? { status: "completed", error: "" } : running;
}
