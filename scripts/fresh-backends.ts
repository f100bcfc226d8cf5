/** Test runs only: empties (or makes) database and bucket NAME on the test servers; does nothing on the embedded defaults. */
import { freshServerBackends } from "@/lib/test/backends";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: fresh-backends NAME (lowercase letters, digits, _)");
await freshServerBackends(name);
