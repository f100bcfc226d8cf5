import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { headers: http.IncomingHttpHeaders; body: string; at: number };

/**
 * A webhook receiver on a real local port: records every request and answers each with the next status
 * of `statuses` (the last one repeats), after `delayMs`.
 */
export async function startReceiver(statuses: number[] = [200], delayMs = 0) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const status = statuses[Math.min(received.length, statuses.length - 1)] ?? 200;
      received.push({ headers: req.headers, body, at: Date.now() });
      setTimeout(() => res.writeHead(status, status >= 300 && status < 400 ? { location: "http://127.0.0.1:1/" } : {}).end("ok"), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
