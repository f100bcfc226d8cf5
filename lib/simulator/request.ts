import type http from "node:http";
import { readBody } from "./http";
import { InputError } from "./validate";

/** A JSON object body, or an InputError (answered 400 with error_code 1401 by the server). */
export async function jsonObject(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    const text = await readBody(req);
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new InputError("Invalid JSON body");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new InputError("Body must be a JSON object");
  return body as Record<string, unknown>;
}

function integer(body: Record<string, unknown>, name: string, min: number, max: number): number {
  const value = body[name];
  if (value === undefined) throw new InputError(`${name} is required`, 1400);
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** `page` (≥ 1) and `page_size` (1-100), both required as WaveSpeed's list endpoints document. */
export function paging(body: Record<string, unknown>): { page: number; pageSize: number } {
  return { page: integer(body, "page", 1, 1_000_000), pageSize: integer(body, "page_size", 1, 100) };
}

/** An ISO 8601 time field as epoch ms; undefined when absent and not required. */
export function time(body: Record<string, unknown>, name: string, required = false): number | undefined {
  const value = body[name];
  if (value === undefined || value === "") {
    if (required) throw new InputError(`${name} is required`, 1400);
    return undefined;
  }
  const ms = typeof value === "string" ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new InputError(`${name} must be an ISO 8601 time`);
  return ms;
}

/** An optional string field, checked against the values it may take. */
export function oneOf<T extends string>(body: Record<string, unknown>, name: string, values: readonly T[]): T | undefined {
  const value = body[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || !values.includes(value as T)) throw new InputError(`${name} must be one of ${values.join(", ")}`);
  return value as T;
}
