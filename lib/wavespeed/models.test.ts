// backend-free: the client's catalog read against a local server
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { compareEntry } from "@/lib/catalog/compare";
import { ENTRIES } from "@/lib/catalog";
import { WaveSpeedClient } from "./client";

const lite = ENTRIES[0]!;
const server = http.createServer((_req, res) => {
  const data = [{ model_id: lite.id, base_price: "not a number" }, { name: "no id" }];
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ code: 200, message: "success", data }));
});
let client: WaveSpeedClient;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  client = new WaveSpeedClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: "k", timeoutMs: 2000 });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("a catalog entry that does not parse is still listed, so its model is not read as retired", async () => {
  const listed = await client.models();
  expect(listed).toEqual([{ model_id: lite.id }]);
  expect(compareEntry(lite, listed[0])).toEqual({ available: true });
});
