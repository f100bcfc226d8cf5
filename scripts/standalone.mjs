#!/usr/bin/env node
/**
 * Completes Next's standalone output (.next/standalone) into a folder that runs on its own, as the
 * container does: the static assets and public files Next leaves out, and Keyframe's start command.
 * Run after `npm run build`; then `node .next/standalone/server.js` (the same as its start.mjs).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, ".next", "standalone");
if (!fs.existsSync(path.join(out, "server.js"))) throw new Error("No .next/standalone: run `npm run build` first.");
fs.cpSync(path.join(root, ".next", "static"), path.join(out, ".next", "static"), { recursive: true });
fs.cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });
fs.cpSync(path.join(root, "drizzle"), path.join(out, "drizzle"), { recursive: true });
fs.copyFileSync(path.join(root, "scripts", "start.mjs"), path.join(out, "start.mjs"));
// `node server.js` runs the same start command (with its SIGTERM drain), not Next's bare server.
fs.writeFileSync(path.join(out, "server.js"), 'import "./start.mjs";\n');
console.log(`Standalone server ready: node ${path.relative(process.cwd(), path.join(out, "server.js"))}`);
