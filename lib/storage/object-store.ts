export type ObjectInfo = { size: number; etag: string; lastModified: Date };
export type ByteRange = { start: number; end: number };

/**
 * Where Keyframe keeps files (inputs, saved videos, posters, last frames), by key such as
 * `videos/<job>.mp4`. One implementation per backend; the rest of the code does not know which it has.
 */
export interface ObjectStore {
  /** For /api/health: "local" or "s3". */
  readonly kind: "local" | "s3";
  /** Stores bytes, or a local file (which it may move), under `key`; a reader never sees half an object. */
  put(key: string, body: Buffer | { path: string }, contentType: string): Promise<void>;
  head(key: string): Promise<ObjectInfo | null>;
  /** The object, or the inclusive byte range of it, as a stream; null when it does not exist. */
  read(key: string, range?: ByteRange): Promise<{ info: ObjectInfo; body: ReadableStream<Uint8Array> } | null>;
  /** A whole (small) object in memory, or null. */
  bytes(key: string): Promise<Buffer | null>;
  /** Removes these keys; absent ones are fine. */
  delete(keys: string[]): Promise<void>;
  /** Every key under a prefix (for moving an install, and checks). */
  list(prefix: string): AsyncIterable<{ key: string; size: number }>;
  /** Throws when the store cannot be used (health, start-up). */
  check(): Promise<void>;
}
