import { randomBytes } from "node:crypto";

/** 128 random bits, URL-safe: our ids are unguessable and unrelated to WaveSpeed's. */
export const newId = () => randomBytes(16).toString("base64url");
export const isId = (value: string) => /^[A-Za-z0-9_-]{22}$/.test(value);
