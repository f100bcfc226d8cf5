// backend-free: pure functions, no database or object store
import { expect, test } from "vitest";
import { jpegHeader, makePng } from "@/lib/test/png";
import { probeImage } from "./probe";

test("reads PNG size from IHDR", () => {
  expect(probeImage(makePng(640, 360))).toEqual({ type: "image/png", width: 640, height: 360 });
});

test("reads JPEG size from the start-of-frame marker", () => {
  expect(probeImage(jpegHeader(1920, 1080))).toEqual({ type: "image/jpeg", width: 1920, height: 1080 });
});

test("rejects other content whatever it is called", () => {
  expect(probeImage(new TextEncoder().encode("hello, I am a .png"))).toBeNull();
  expect(probeImage(Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"))).toBeNull();
  expect(probeImage(new Uint8Array())).toBeNull();
});

test("rejects a truncated PNG", () => {
  expect(probeImage(makePng(400, 400).subarray(0, 20))).toBeNull();
});
