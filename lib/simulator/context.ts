import type http from "node:http";
import type { FaultBook, FaultKind, FaultTarget } from "./faults";
import type { Reply } from "./http";
import type { TaskStore } from "./tasks";
import type { UploadStore } from "./uploads";

/** What every route of the simulator works with. */
export type SimContext = {
  store: TaskStore;
  uploads: UploadStore;
  faults: FaultBook;
  /** This server's own address (`http://host:port`), known once it listens. */
  baseUrl(): string;
  /** Request-level faults: an error answer, "malformed", or a kind that shapes the task (returned as is). */
  requestFault(target: FaultTarget, req: http.IncomingMessage): Promise<Reply | "malformed" | FaultKind | undefined>;
};

/** A route's answer; undefined when the request is not this route's. "malformed" is a cut-off JSON body. */
export type RouteResult = Reply | "malformed" | undefined;
