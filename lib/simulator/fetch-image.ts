import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net, { type LookupFunction } from "node:net";
import { IMAGE_MAX_BYTES } from "@/lib/model/seedance";
import { isPublicAddress } from "./public-address";

/** WaveSpeed's "media access failed" (1402): the input URL could not be fetched. */
export class MediaAccessError extends Error {}

type Resolved = { address: string; family: number };

export type FetchImageOptions = {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Which resolved addresses may be connected to; tests narrow or widen it, members cannot. */
  allowAddress?: (address: string) => boolean;
  resolve?: (host: string) => Promise<Resolved[]>;
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const short = (url: string) => (url.length > 120 ? `${url.slice(0, 119)}…` : url);
const lookupAll = (host: string) => dns.lookup(host, { all: true, verbatim: true });

/** Resolves the URL's host and checks every address it has; returns the one to connect to. */
async function checkedAddress(url: URL, options: FetchImageOptions): Promise<Resolved> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = net.isIP(host);
  const resolved = literal
    ? [{ address: host, family: literal }]
    : await (options.resolve ?? lookupAll)(host).catch((error: unknown) => {
        throw new MediaAccessError(`${host} does not resolve (${(error as { code?: string }).code ?? "DNS error"})`);
      });
  const allow = options.allowAddress ?? isPublicAddress;
  const refused = resolved.find((r) => !allow(r.address));
  if (refused) {
    throw new MediaAccessError(`${short(url.href)} points to a private, loopback or link-local address (${refused.address})`);
  }
  if (!resolved[0]) throw new MediaAccessError(`${host} does not resolve`);
  return resolved[0];
}

/** One GET to the address that was checked: the socket never asks DNS again, so a rebinding answer cannot slip in. */
function get(url: URL, pinned: Resolved, signal: AbortSignal): Promise<http.IncomingMessage> {
  const lookup: LookupFunction = (_host, opts, callback) => {
    if (opts.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, { lookup, signal, headers: { accept: "image/*" } }, resolve);
    request.on("error", reject);
  });
}

function failure(url: URL, error: unknown, signal: AbortSignal): MediaAccessError {
  if (error instanceof MediaAccessError) return error;
  const why = signal.aborted ? "timed out" : ((error as { code?: string }).code ?? (error as Error).message);
  return new MediaAccessError(`${short(url.href)} could not be fetched (${why})`);
}

async function readBody(response: http.IncomingMessage, url: URL, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        response.destroy();
        throw new MediaAccessError(`${short(url.href)} is larger than ${maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw failure(url, error, signal);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches an input image the way a fetcher outside this network would: only public addresses, checked
 * after DNS and again at every redirect, with a bound on hops, time and size. Throws MediaAccessError.
 */
export async function fetchImage(href: string, options: FetchImageOptions = {}): Promise<Buffer> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const maxRedirects = options.maxRedirects ?? 5;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new MediaAccessError(`${short(href)} is not a URL`);
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new MediaAccessError(`${short(url.href)} is not http or https`);
    const pinned = await checkedAddress(url, options);
    let response: http.IncomingMessage;
    try {
      response = await get(url, pinned, signal);
    } catch (error) {
      throw failure(url, error, signal);
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location) {
      response.resume();
      if (hop >= maxRedirects) throw new MediaAccessError(`${short(href)} led to too many redirects`);
      url = new URL(location, url);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new MediaAccessError(`${short(url.href)} answered ${status}`);
    }
    return readBody(response, url, options.maxBytes ?? IMAGE_MAX_BYTES, signal);
  }
}
