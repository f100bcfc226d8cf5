import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PresetView } from "@/lib/presets/types";
import type { Simulator } from "@/lib/simulator/server";
import type { StoryboardView } from "@/lib/storyboards/types";
import { setupApp, signedIn } from "@/lib/test/app";
import { call } from "@/lib/test/routes";

let sim: Simulator;
let cookie = "";
let m: {
  boards: typeof import("./storyboards/route");
  board: typeof import("./storyboards/[id]/route");
  presets: typeof import("./presets/route");
  preset: typeof import("./presets/[id]/route");
  members: typeof import("./admin/members/route");
};

beforeAll(async () => {
  ({ sim } = await setupApp());
  m = {
    boards: await import("./storyboards/route"),
    board: await import("./storyboards/[id]/route"),
    presets: await import("./presets/route"),
    preset: await import("./presets/[id]/route"),
    members: await import("./admin/members/route"),
  };
  ({ cookie } = await signedIn("names@keyframe.test"));
});
afterAll(() => sim.close());

type Refused = { error: { message: string; fields: Record<string, string> } };
const INVISIBLE = "\u200B\u2060";
const preset = {
  prompt: "The camera drifts left",
  duration: 5,
  aspectRatio: "16:9",
  cameraFixed: false,
  seed: -1,
  enableSafetyChecker: true,
};

describe("names made of nothing visible, or that turn text around", () => {
  test("a board, a preset or a member named only with invisible characters is refused as empty on its name", async () => {
    const board = await call<Refused>(m.boards, "POST", { cookie, body: { name: INVISIBLE } });
    expect(board.status).toBe(400);
    expect(board.body.error.fields).toEqual({ name: "The name is empty." });
    const made = await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: "Harbour" } });
    const renamed = await call<Refused>(m.board, "PATCH", { cookie, params: { id: made.body.id }, body: { name: ` ${INVISIBLE}\uFEFF ` } });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.fields).toEqual({ name: "The name is empty." });

    const saved = await call<Refused>(m.presets, "POST", { cookie, body: { ...preset, name: INVISIBLE } });
    expect(saved.status).toBe(400);
    expect(saved.body.error.fields).toEqual({ name: "The preset name is empty." });

    const member = await call<Refused>(m.members, "POST", {
      cookie,
      body: { name: INVISIBLE, email: "ghost@keyframe.test", password: "correct horse battery", role: "member" },
    });
    expect(member.status).toBe(400);
    expect(member.body.error.fields).toEqual({ name: "Enter a name." });
    const turned = await call<Refused>(m.members, "POST", {
      cookie,
      body: { name: "Zed\u202E", email: "zed@keyframe.test", password: "correct horse battery", role: "member" },
    });
    expect(turned.body.error.fields).toEqual({
      name: "Remove the text direction control: it can make a name read differently from what it says.",
    });

    // Zero-width characters inside a name are dropped, not stored.
    const board2 = await call<StoryboardView>(m.boards, "POST", { cookie, body: { name: `Har${INVISIBLE}bour\u202F2` } });
    expect(board2.status).toBe(201);
    expect(board2.body.name).toBe("Harbour\u202F2");
    const turnedBoard = await call<Refused>(m.boards, "POST", { cookie, body: { name: "Cut \u202Eedoc" } });
    expect(turnedBoard.body.error.fields).toEqual({
      name: "The name contains a text direction control (U+202E), which can make it read differently from what it says; remove it.",
    });
  });

  test("a preset name that looks like one in use is taken (NFKC, without invisible characters), also for rows saved before", async () => {
    const first = await call<PresetView>(m.presets, "POST", { cookie, body: { ...preset, name: "Golden hour" } });
    expect(first.status).toBe(201);
    for (const lookAlike of ["Golden\u200B hour", "Gol\u2060den hour", "Ｇｏｌｄｅｎ hour", "Golden  hour", "Golden\u00A0hour"]) {
      const res = await call<Refused>(m.presets, "POST", { cookie, body: { ...preset, name: lookAlike } });
      expect(res.status, JSON.stringify(lookAlike)).toBe(409);
      expect(res.body.error).toMatchObject({
        message: "A preset named “Golden hour” exists already; choose another name.",
        fields: { name: "That name is taken." },
      });
    }
    const other = await call<PresetView>(m.presets, "POST", { cookie, body: { ...preset, name: "Blue hour" } });
    const renamed = await call<Refused>(m.preset, "PATCH", { cookie, params: { id: other.body.id }, body: { name: "Ｇolden hour" } });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.fields).toEqual({ name: "That name is taken." });
    // Renaming a preset to a look-alike of its own name is fine.
    const same = await call<PresetView>(m.preset, "PATCH", { cookie, params: { id: other.body.id }, body: { name: "Ｂlue hour" } });
    expect(same.status).toBe(200);

    // A name stored with a zero-width space before names were cleaned still counts.
    const { insertPreset } = await import("@/lib/db/queries/presets");
    const now = Date.now();
    const old = {
      ...preset,
      name: "Dusk\u200B pan",
      aspectRatio: "16:9",
      safetyChecker: true,
      userId: null,
      createdAt: now,
      updatedAt: now,
    };
    const { enableSafetyChecker: _, ...row } = old;
    expect(await insertPreset({ ...row, model: null, id: "AAAAAAAAAAAAAAAAAAAAAA" })).toBe(true);
    const clash = await call<Refused>(m.presets, "POST", { cookie, body: { ...preset, name: "Dusk pan" } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toBe("A preset named “Dusk\u200B pan” exists already; choose another name.");
    const names = (await call<{ presets: PresetView[] }>(m.presets, "GET", { cookie })).body.presets.map((p) => p.name);
    expect(names.filter((n) => n.includes("hour"))).toEqual(["Golden hour", "Ｂlue hour"]);
  });
});
