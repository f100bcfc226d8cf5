// @ts-check
import fs from "node:fs";

/** Non-empty and starting with an ISO BMFF `ftyp` box (bytes 4-7), as every MP4 does. */
export function isMp4(/** @type {string} */ file) {
  const head = Buffer.alloc(12);
  const fd = fs.openSync(file, "r");
  try {
    const read = fs.readSync(fd, head, 0, 12, 0);
    return read >= 12 && head.toString("latin1", 4, 8) === "ftyp" && head.readUInt32BE(0) >= 8;
  } finally {
    fs.closeSync(fd);
  }
}
