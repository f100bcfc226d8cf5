import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { InputError } from "./validate";

/** How long WaveSpeed keeps an uploaded file (and so how long its download_url answers). */
export const UPLOAD_TTL_MS = 7 * 24 * 3600 * 1000;
/** How long a ticket's PUT URL may be used, as a presigned URL would allow. */
const PUT_TTL_MS = 3600 * 1000;
/** WaveSpeed documents no upload limit; the simulator's own bound, far above any model input. */
export const UPLOAD_MAX_BYTES = 64 * 1024 * 1024;

export type UploadStats = { tickets: number; puts: number; binary: number; bytes: number };

type Meta = { id: string; token: string; filename: string; size: number; contentType: string; createdAt: number; done: boolean };

/** What both upload endpoints answer in `data` (the newer one adds `upload`). */
export type UploadView = { type: string; download_url: string; filename: string; size: number };

const HEX32 = /^[a-f0-9]{32}$/;

/** A file name safe in a URL path segment and on disk: the base name, without control characters. */
function cleanName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200);
}

const typeOf = (contentType: string) => contentType.split("/")[0] || "file";

/**
 * Uploaded media as WaveSpeed keeps it: under `<workDir>/uploads`, a JSON note and the bytes per file,
 * served at `<base>/media/<id>/<filename>` for 7 days. A ticket's file answers 404 until its PUT arrives.
 */
export class UploadStore {
  readonly stats: UploadStats = { tickets: 0, puts: 0, binary: 0, bytes: 0 };
  private readonly dir: string;

  constructor(workDir: string) {
    this.dir = path.join(/*turbopackIgnore: true*/ workDir, "uploads");
    this.sweep();
  }

  private file(id: string, ext: "json" | "bin"): string {
    return path.join(/*turbopackIgnore: true*/ this.dir, `${id}.${ext}`);
  }

  /** Forgets files past their 7 days (at start: a long-running simulator answers 404 for them anyway). */
  private sweep(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith(".json")) continue;
      const id = name.slice(0, -5);
      const meta = this.meta(id);
      if (!meta || Date.now() - meta.createdAt > UPLOAD_TTL_MS) {
        rmSync(this.file(id, "json"), { force: true });
        rmSync(this.file(id, "bin"), { force: true });
      }
    }
  }

  private meta(id: string): Meta | undefined {
    if (!HEX32.test(id)) return undefined;
    try {
      return JSON.parse(readFileSync(this.file(id, "json"), "utf8")) as Meta;
    } catch {
      return undefined;
    }
  }

  private async save(meta: Meta, bytes?: Buffer): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    if (bytes) await fs.writeFile(this.file(meta.id, "bin"), bytes);
    await fs.writeFile(this.file(meta.id, "json"), JSON.stringify(meta));
  }

  private view(meta: Meta, baseUrl: string): UploadView {
    return {
      type: typeOf(meta.contentType),
      download_url: `${baseUrl}/media/${meta.id}/${encodeURIComponent(meta.filename)}`,
      filename: meta.filename,
      size: meta.size,
    };
  }

  /** `POST /api/v3/media/uploads`: validates `{filename, size, content_type}` and hands out a PUT URL. */
  async ticket(body: Record<string, unknown>, baseUrl: string) {
    const filename = typeof body.filename === "string" ? cleanName(body.filename) : "";
    if (body.filename === undefined) throw new InputError("filename is required", 1400);
    if (!filename) throw new InputError("filename must be a file name", 1401);
    if (body.size === undefined) throw new InputError("size is required", 1400);
    const size = body.size;
    if (typeof size !== "number" || !Number.isInteger(size) || size < 1 || size > UPLOAD_MAX_BYTES) {
      throw new InputError(`size must be an integer from 1 to ${UPLOAD_MAX_BYTES}`, 1401);
    }
    const contentType = body.content_type === undefined ? "application/octet-stream" : body.content_type;
    if (typeof contentType !== "string" || !/^[a-z]+\/[a-z0-9.+-]+$/i.test(contentType)) {
      throw new InputError("content_type must be a MIME type", 1401);
    }
    const meta: Meta = {
      id: randomBytes(16).toString("hex"),
      token: randomBytes(16).toString("hex"),
      filename,
      size,
      contentType,
      createdAt: Date.now(),
      done: false,
    };
    await this.save(meta);
    this.stats.tickets += 1;
    return {
      ...this.view(meta, baseUrl),
      upload: {
        method: "PUT",
        url: `${baseUrl}/__upload/${meta.id}?token=${meta.token}`,
        headers: { "Content-Type": meta.contentType },
        expires_at: new Date(meta.createdAt + PUT_TTL_MS).toISOString(),
      },
    };
  }

  /**
   * The PUT to a ticket's URL, refused as a presigned URL refuses: a wrong token, an expired ticket, a
   * Content-Type other than the ticket's, a size other than declared, or an Authorization header.
   * Returns the problem (status and text), or null once the bytes are kept.
   */
  async put(id: string, token: string | null, headers: { authorization?: string; contentType?: string }, bytes: Buffer) {
    const meta = this.meta(id);
    if (!meta || token !== meta.token) return { status: 403, message: "Upload URL is not valid" };
    if (Date.now() > meta.createdAt + PUT_TTL_MS) return { status: 403, message: "Upload URL has expired" };
    if (headers.authorization)
      return { status: 400, message: "Only one auth mechanism allowed: do not send Authorization to an upload URL" };
    if ((headers.contentType ?? "") !== meta.contentType) {
      return { status: 400, message: `Content-Type must be ${meta.contentType} as the upload ticket said` };
    }
    if (bytes.length !== meta.size) return { status: 400, message: `Body is ${bytes.length} bytes; the upload ticket said ${meta.size}` };
    await this.save({ ...meta, done: true }, bytes);
    this.stats.puts += 1;
    this.stats.bytes += bytes.length;
    return null;
  }

  /** `POST /api/v3/media/upload/binary`: the legacy multipart upload, kept at once. */
  async binary(file: { name: string; type: string; bytes: Buffer }, baseUrl: string): Promise<UploadView> {
    const meta: Meta = {
      id: randomBytes(16).toString("hex"),
      token: randomBytes(16).toString("hex"),
      filename: cleanName(file.name) || "upload",
      size: file.bytes.length,
      contentType: file.type || "application/octet-stream",
      createdAt: Date.now(),
      done: true,
    };
    await this.save(meta, file.bytes);
    this.stats.binary += 1;
    this.stats.bytes += file.bytes.length;
    return this.view(meta, baseUrl);
  }

  /** An uploaded file that may be served now (PUT done, within its 7 days), by id and file name. */
  async read(id: string, filename: string): Promise<{ bytes: Buffer; contentType: string } | undefined> {
    const meta = this.meta(id);
    if (!meta || !meta.done || meta.filename !== filename || Date.now() - meta.createdAt > UPLOAD_TTL_MS) return undefined;
    const bytes = await fs.readFile(this.file(id, "bin")).catch(() => undefined);
    return bytes && { bytes, contentType: meta.contentType };
  }

  /** The file a download_url of this simulator names, or undefined when the URL is not one of its media URLs. */
  async readUrl(href: string, baseUrl: string): Promise<{ bytes: Buffer } | "missing" | undefined> {
    if (!href.startsWith(`${baseUrl}/media/`)) return undefined;
    const match = /^\/media\/([a-f0-9]{32})\/([^/?#]+)$/.exec(new URL(href).pathname);
    if (!match) return "missing";
    const file = await this.read(match[1] ?? "", decodeURIComponent(match[2] ?? ""));
    return file ?? "missing";
  }
}
