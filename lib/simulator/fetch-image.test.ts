// backend-free: the simulator alone, no database or object store
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { makePng } from "@/lib/test/png";
import { fetchImage, MediaAccessError } from "./fetch-image";

/** A server on a loopback address that counts every request; `/to?url=` redirects, `/loop` redirects to itself, anything else answers a PNG. */
async function countingServer(host: string) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.headers.host}${req.url}`);
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/to") res.writeHead(302, { location: url.searchParams.get("url") ?? "/" }).end();
    else if (url.pathname === "/loop") res.writeHead(301, { location: "/loop" }).end();
    else if (url.pathname === "/missing.png") res.writeHead(404).end();
    else res.writeHead(200, { "content-type": "image/png" }).end(makePng(320, 320));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { hits, port, url: `http://${host}:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let a: Awaited<ReturnType<typeof countingServer>>;
let b: Awaited<ReturnType<typeof countingServer>>;
beforeAll(async () => {
  a = await countingServer("127.0.0.1");
  b = await countingServer("127.0.0.2");
});
afterAll(async () => {
  await a.close();
  await b.close();
});
beforeEach(() => {
  a.hits.length = 0;
  b.hits.length = 0;
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaAccessError);
  return (error as Error).message;
}

describe("fetchImage refuses addresses inside the server's network", () => {
  test.each([
    (port: number) => `http://127.0.0.1:${port}/x.png`,
    (port: number) => `http://localhost:${port}/x.png`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/x.png`,
    (port: number) => `http://2130706433:${port}/x.png`,
    (port: number) => `http://0.0.0.0:${port}/x.png`,
    (port: number) => `http://127.1:${port}/x.png`,
  ])("%s never reaches the server", async (make) => {
    const message = await refusal(fetchImage(make(a.port)));
    expect(message).toMatch(/private, loopback or link-local address/);
    expect(a.hits).toEqual([]);
  });

  test("a redirect is checked again at every hop", async () => {
    const onlyA = { allowAddress: (address: string) => address === "127.0.0.1" };
    expect((await fetchImage(`${a.url}/x.png`, onlyA)).length).toBeGreaterThan(0);
    const message = await refusal(fetchImage(`${a.url}/to?url=${encodeURIComponent(`${b.url}/x.png`)}`, onlyA));
    expect(message).toMatch(/private, loopback or link-local address/);
    expect(a.hits).toHaveLength(2);
    expect(b.hits).toEqual([]);
  });

  test("connects to the address it checked, not to a second answer from DNS", async () => {
    let lookups = 0;
    const resolve = async () => {
      lookups += 1;
      return [{ address: "127.0.0.1", family: 4 }];
    };
    await fetchImage(`http://images.example.test:${a.port}/x.png`, { allowAddress: () => true, resolve });
    expect(lookups).toBe(1);
    expect(a.hits).toEqual([`images.example.test:${a.port}/x.png`]);
  });

  test("every resolved address must be allowed", async () => {
    const resolve = async () => [
      { address: "127.0.0.1", family: 4 },
      { address: "127.0.0.2", family: 4 },
    ];
    await refusal(fetchImage(`http://two.example.test:${a.port}/x.png`, { allowAddress: (x) => x === "127.0.0.1", resolve }));
    expect(a.hits).toEqual([]);
  });

  test("too many redirects, a 404, a body over the limit and other schemes are media access failures", async () => {
    const open = { allowAddress: () => true };
    expect(await refusal(fetchImage(`${a.url}/loop`, open))).toMatch(/too many redirects/);
    expect(a.hits).toHaveLength(6);
    expect(await refusal(fetchImage(`${a.url}/missing.png`, open))).toMatch(/answered 404/);
    expect(await refusal(fetchImage(`${a.url}/x.png`, { ...open, maxBytes: 100 }))).toMatch(/larger than/);
    expect(await refusal(fetchImage("file:///etc/passwd", open))).toMatch(/http or https/);
  });
});
