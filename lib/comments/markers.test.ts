// backend-free: pure functions (timecodes, CSV, EDL, FCPXML text), no database or object store
import { describe, expect, test } from "vitest";
import { markersCsv, markersEdl, markersFcpxml, timecode, type Marker } from "./markers";

const marker = (over: Partial<Marker>): Marker => ({
  id: "c1",
  threadId: "c1",
  isReply: false,
  shot: 1,
  on: "take",
  pictureMs: 2000,
  filmMs: 2000,
  filmEndMs: null,
  author: "reviewer",
  name: "Dana",
  body: "Lift the kite",
  resolved: false,
  shapes: 0,
  createdAt: "2026-12-07T15:00:00.000Z",
  ...over,
});

describe("marker files", () => {
  test("timecodes count 24 frames a second, from Resolve's 01:00:00:00 when asked", () => {
    expect(timecode(48)).toBe("00:00:02:00");
    expect(timecode(47, 1)).toBe("01:00:01:23");
    expect(timecode(24 * 3661 + 5)).toBe("01:01:01:05");
  });

  test("a spreadsheet formula in a comment stays text; commas, quotes and line breaks are quoted", () => {
    const csv = markersCsv([marker({ body: '=HYPERLINK("http://x")' }), marker({ id: "c2", body: 'Two\nlines, "quoted"', name: "@Sam" })]);
    const lines = csv.split("\r\n");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`'@Sam,"Two\nlines, ""quoted"""`);
  });

  test("an EDL marker is one line (no | to split Resolve's fields); FCPXML escapes its text; replies are no markers", () => {
    const ms = [marker({ body: "a | b\nc <d> & 'e'", filmEndMs: 3000 }), marker({ id: "r", isReply: true, body: "reply" })];
    const edl = markersEdl("Kite", ms);
    expect(edl.split("\r\n")).toEqual([
      "TITLE: Kite",
      "FCM: NON-DROP FRAME",
      "",
      "001  001      V     C        01:00:02:00 01:00:02:01 01:00:02:00 01:00:02:01  ",
      "Dana: a / b c <d> & 'e' |C:ResolveColorRed |M:Dana: a / b c <d> & 'e' |D:24",
      "",
    ]);
    const xml = markersFcpxml({ title: "Kite & co", fileName: "kite film.mp4", durationMs: 5000, width: 1280, height: 720 }, ms);
    expect(xml).toContain('<marker start="48/24s" duration="24/24s" value="Dana: a / b c &lt;d&gt; &amp; &apos;e&apos;"/>');
    // FCPXML 1.9 names the file on the asset's media-rep, not on the asset.
    expect(xml).toContain(
      '<asset id="r2" name="Kite &amp; co" start="0s" duration="120/24s" hasVideo="1" format="r1">\n      <media-rep kind="original-media" src="kite%20film.mp4"/>\n    </asset>',
    );
    expect(xml).not.toMatch(/<asset [^>]*src=/);
    expect(xml).not.toContain("reply");
  });
});
