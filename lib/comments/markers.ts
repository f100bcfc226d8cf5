import type { CommentAuthor } from "@/lib/db/enums";
import { PLAYER_FPS } from "./time";

/** One comment placed on the film's timeline: `filmMs` where it lands, `endMs` where a range ends (film time). */
export type Marker = {
  id: string;
  threadId: string;
  isReply: boolean;
  shot: number | null;
  on: "take" | "film";
  pictureMs: number;
  filmMs: number;
  filmEndMs: number | null;
  author: CommentAuthor;
  name: string;
  body: string;
  resolved: boolean;
  shapes: number;
  createdAt: string;
};

export const frameOf = (ms: number, fps = PLAYER_FPS) => Math.round((ms * fps) / 1000);

/** Frames → "HH:MM:SS:FF" (non-drop), from `startHours` (Resolve's timelines start at 01:00:00:00). */
export function timecode(frames: number, startHours = 0, fps = PLAYER_FPS): string {
  const total = frames + startHours * 3600 * fps;
  const ff = total % fps;
  const s = Math.floor(total / fps);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}:${two(ff)}`;
}

// A cell a spreadsheet would run as a formula starts with one of these: quoted as text.
const FORMULA = /^[=+\-@\t\r]/;
const cell = (value: string | number | boolean) => {
  const text = typeof value === "string" && FORMULA.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function markersCsv(markers: Marker[]): string {
  const head = [
    "thread",
    "reply",
    "shot",
    "on",
    "picture_s",
    "film_s",
    "film_end_s",
    "timecode",
    "author",
    "name",
    "comment",
    "resolved",
    "shapes",
    "created_at",
  ];
  const rows = markers.map((m) => [
    m.threadId,
    m.isReply,
    m.shot ?? "",
    m.on,
    (m.pictureMs / 1000).toFixed(3),
    (m.filmMs / 1000).toFixed(3),
    m.filmEndMs === null ? "" : (m.filmEndMs / 1000).toFixed(3),
    timecode(frameOf(m.filmMs)),
    m.author,
    m.name,
    m.body,
    m.resolved,
    m.shapes,
    m.createdAt,
  ]);
  return [head, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** One line of marker text: no line breaks, no "|" (Resolve's field separator in an EDL). */
const oneLine = (text: string, max = 200) => text.replace(/\s+/g, " ").replaceAll("|", "/").slice(0, max);
const label = (m: Marker) => oneLine(`${m.name}: ${m.body}`);
const lengthOf = (m: Marker) => Math.max(1, m.filmEndMs === null ? 1 : frameOf(m.filmEndMs) - frameOf(m.filmMs));

/**
 * DaVinci Resolve's marker EDL (Timeline > Import > Timeline Markers from EDL): one event per thread, record
 * timecode from 01:00:00:00 (a new Resolve timeline's start), the text after `|M:`, the length after `|D:`.
 */
export function markersEdl(title: string, markers: Marker[]): string {
  const lines = [`TITLE: ${oneLine(title, 70)}`, "FCM: NON-DROP FRAME", ""];
  markers
    .filter((m) => !m.isReply)
    .forEach((m, i) => {
      const n = String(i + 1).padStart(3, "0");
      const from = timecode(frameOf(m.filmMs), 1);
      const to = timecode(frameOf(m.filmMs) + 1, 1);
      const color = m.resolved ? "ResolveColorGreen" : m.author === "reviewer" ? "ResolveColorRed" : "ResolveColorBlue";
      lines.push(`${n}  001      V     C        ${from} ${to} ${from} ${to}  `);
      lines.push(`${label(m)} |C:${color} |M:${label(m)} |D:${lengthOf(m)}`, "");
    });
  return lines.join("\r\n");
}

const xml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
const rational = (frames: number, fps = PLAYER_FPS) => `${frames}/${fps}s`;

/** FCPXML 1.9 (Final Cut Pro, and Resolve's File > Import > Timeline): the film as one clip, a marker per thread. */
export function markersFcpxml(
  film: { title: string; fileName: string; durationMs: number; width: number; height: number },
  markers: Marker[],
): string {
  const length = frameOf(film.durationMs);
  const marks = markers
    .filter((m) => !m.isReply)
    .map(
      (m) =>
        `          <marker start="${rational(frameOf(m.filmMs))}" duration="${rational(lengthOf(m))}" value="${xml(label(m))}"${m.resolved ? ' completed="1"' : ""}/>`,
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<!DOCTYPE fcpxml>",
    '<fcpxml version="1.9">',
    "  <resources>",
    `    <format id="r1" frameDuration="1/${PLAYER_FPS}s" width="${film.width}" height="${film.height}"/>`,
    `    <asset id="r2" name="${xml(film.title)}" start="0s" duration="${rational(length)}" hasVideo="1" format="r1">`,
    `      <media-rep kind="original-media" src="${xml(encodeURI(film.fileName))}"/>`,
    "    </asset>",
    "  </resources>",
    "  <library>",
    '    <event name="Keyframe review">',
    `      <project name="${xml(film.title)}">`,
    `        <sequence format="r1" duration="${rational(length)}" tcStart="0s" tcFormat="NDF">`,
    "          <spine>",
    `        <asset-clip ref="r2" name="${xml(film.title)}" offset="0s" start="0s" duration="${rational(length)}" format="r1">`,
    ...marks,
    "        </asset-clip>",
    "          </spine>",
    "        </sequence>",
    "      </project>",
    "    </event>",
    "  </library>",
    "</fcpxml>",
    "",
  ].join("\n");
}
