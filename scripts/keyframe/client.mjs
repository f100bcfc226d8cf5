// @ts-check
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CliError, EXIT, httpError } from "./errors.mjs";
import { isMp4 } from "./mp4.mjs";

const RETRY_STATUSES = new Set([502, 503, 504]);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {{ json?: unknown, form?: FormData, headers?: Record<string, string>, retries?: number, query?: Record<string, string | number | undefined> }} CallOptions
 * @typedef {ReturnType<typeof createClient>} Client
 */

/**
 * Keyframe's public HTTP API with a bearer token. `retries` re-sends a request the server may not have
 * seen (connection lost, 502/503/504): only for reads and for submits carrying an Idempotency-Key, which
 * the server answers with the same jobs instead of charging again.
 * @param {{ url: string, token: string | null, fetch?: typeof fetch, retryDelayMs?: number }} options
 */
export function createClient({ url, token, fetch: fetcher = globalThis.fetch, retryDelayMs = 1000 }) {
  const origin = new URL(url).origin;
  /** @param {string} target @returns {Record<string, string>} */
  const authFor = (target) => (token && new URL(target, url).origin === origin ? { authorization: `Bearer ${token}` } : {});

  /**
   * @param {string} target
   * @param {RequestInit} init
   * @param {number} retries
   */
  async function send(target, init, retries) {
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await fetcher(target, init);
      } catch (error) {
        if (attempt < retries) {
          await sleep(retryDelayMs * 2 ** attempt);
          continue;
        }
        const cause = /** @type {{ cause?: { code?: string, message?: string } }} */ (error).cause;
        throw new CliError(EXIT.server, `Cannot reach ${origin}: ${cause?.code ?? cause?.message ?? String(error)}.`);
      }
      if (RETRY_STATUSES.has(response.status) && attempt < retries) {
        await response.body?.cancel();
        await sleep(retryDelayMs * 2 ** attempt);
        continue;
      }
      return response;
    }
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {CallOptions} [options]
   * @returns {Promise<{ status: number, body: any }>} the status and parsed JSON answer (null for 204)
   */
  async function request(method, path, options = {}) {
    const target = new URL(url + path);
    for (const [key, value] of Object.entries(options.query ?? {}))
      if (value !== undefined && value !== "") target.searchParams.set(key, String(value));
    /** @type {Record<string, string>} */
    const headers = { accept: "application/json", ...authFor(target.href), ...options.headers };
    /** @type {BodyInit | undefined} */
    let body = options.form;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    const retries = options.retries ?? (method === "GET" ? 2 : 0);
    const response = await send(target.href, { method, headers, body }, retries);
    const text = await response.text();
    let parsed = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (response.ok) throw new CliError(EXIT.server, `${method} ${path} answered ${response.status} with something other than JSON.`);
      }
    }
    if (!response.ok) throw httpError(response.status, parsed, response.headers.get("retry-after"));
    return { status: response.status, body: parsed };
  }

  /** Like `request`, the answer's body only. */
  const call = async (/** @type {string} */ method, /** @type {string} */ path, /** @type {CallOptions} */ options = {}) =>
    (await request(method, path, options)).body;

  /**
   * Streams a video to `file` (through `file.part`, renamed once it is whole and an MP4). The token goes
   * only to Keyframe's own origin, never to a WaveSpeed URL.
   * @param {string} src absolute or relative to Keyframe
   * @param {string} file
   * @returns {Promise<number>} bytes written
   */
  async function download(src, file) {
    const target = new URL(src, url).href;
    const response = await send(target, { headers: authFor(target) }, 2);
    if (!response.ok || !response.body) {
      const text = await response.text().catch(() => "");
      let parsed = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = {
          error: {
            code: "download_failed",
            message: `Downloading the video answered ${response.status}${text ? `: ${text.slice(0, 200)}` : "."}`,
          },
        };
      }
      throw httpError(response.status, parsed, response.headers.get("retry-after"));
    }
    const part = `${file}.part`;
    await pipeline(Readable.fromWeb(/** @type {import("node:stream/web").ReadableStream} */ (response.body)), fs.createWriteStream(part));
    const size = fs.statSync(part).size;
    if (!isMp4(part)) {
      fs.rmSync(part, { force: true });
      throw new CliError(EXIT.server, `The download from ${target} is not an MP4 (${size} bytes, no ftyp box); nothing was saved.`);
    }
    fs.renameSync(part, file);
    return size;
  }

  return { url, request, call, download };
}
