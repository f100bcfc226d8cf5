import { afterAll, expect, test, vi } from "vitest";
import { setupApp } from "@/lib/test/app";

const { sim } = await setupApp({ WAVESPEED_API_KEY: "", SIMULATOR_FAULTS: "result:explode" });
afterAll(() => sim.close());

test("a bad SIMULATOR_FAULTS stops a simulator-mode start naming the setting", async () => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
  vi.spyOn(process, "exit").mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
  const { boot, simulatorRunning } = await import("./boot");
  await expect(boot()).rejects.toThrow("exit 1");
  expect(errors.mock.calls.flat().join("\n")).toMatch(/SIMULATOR_FAULTS: Bad fault rule "result:explode"/);
  expect(simulatorRunning()).toBe(false);
});
