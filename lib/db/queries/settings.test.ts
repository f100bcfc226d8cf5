import { afterAll, beforeAll, expect, test } from "vitest";
import type { Simulator } from "@/lib/simulator/server";
import { setupApp } from "@/lib/test/app";

let sim: Simulator;
beforeAll(async () => {
  ({ sim } = await setupApp());
});
afterAll(() => sim.close());

test("a setting that is a string of digits comes back as that string, on either database", async () => {
  const settings = await import("./settings");
  // A hex setup code can look like a number in exponent notation; it read back as Infinity on PostgreSQL.
  expect(await settings.settingOnce("probe_exponent", "8E1234567890")).toBe("8E1234567890");
  expect(await settings.settingOnce("probe_digits", "123456789012")).toBe("123456789012");
  await settings.putSetting("probe_object", { n: 1, s: "2" });
  expect(await settings.getSetting("probe_object")).toEqual({ n: 1, s: "2" });
});
