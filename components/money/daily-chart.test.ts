import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { DailyChart } from "./daily-chart";

describe("the spend chart", () => {
  test("renders on the server as an SVG with an accessible name and bars, without the network", () => {
    const days = [
      { date: "2026-12-01", keyframeMicros: 320_000, wavespeedMicros: 400_000 },
      { date: "2026-12-02", keyframeMicros: 160_000, wavespeedMicros: 160_000 },
    ];
    const html = renderToString(createElement(DailyChart, { days }));
    expect(html).toContain("<svg");
    expect(html).toContain('aria-label="Spend per day in USD, Keyframe&#x27;s ledger beside WaveSpeed&#x27;s own totals"');
    expect(html).toContain("12-01");
    expect(html).toContain("<title>2026-12-01, WaveSpeed&#x27;s total: $0.40</title>");
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
