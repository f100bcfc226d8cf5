// @ts-check

/**
 * @typedef {{ type: "string" | "boolean", short?: string, multiple?: boolean, arg?: string, help: string }} Option
 * @typedef {{ usage: string, summary: string, options: Record<string, Option>, positionals: [number, number], more?: string }} Command
 */

/** Every command has these. */
export const GLOBAL_OPTIONS = /** @type {Record<string, Option>} */ ({
  json: { type: "boolean", help: "Print JSON on stdout (and nothing else there); messages go to stderr." },
  help: { type: "boolean", short: "h", help: "Show this command's help." },
});

const wait = /** @type {Option} */ ({ type: "boolean", short: "w", help: "Wait until every take is finished, with progress on stderr." });
const timeout = /** @type {Option} */ ({ type: "string", arg: "seconds", help: "Stop waiting after this long (exit 1 if not all done)." });
const yes = /** @type {Option} */ ({ type: "boolean", short: "y", help: "Pay without asking (needed when stdin is not a terminal)." });
const key = /** @type {Option} */ ({
  type: "string",
  arg: "key",
  help: "Idempotency-Key for the submit (default: a fresh random one). The same key again never pays twice.",
});

/** @type {Record<string, Command>} */
export const COMMANDS = {
  login: {
    usage: "keyframe login --url <base> [--token <kf_…>]",
    summary: "Check a token and save it with the server's address.",
    positionals: [0, 0],
    options: {
      url: { type: "string", arg: "base", help: "Keyframe's address, e.g. https://keyframe.example.com (or KEYFRAME_URL)." },
      token: {
        type: "string",
        arg: "kf_…",
        help: "An API token from the API page; without it, read from stdin (hidden prompt on a terminal).",
      },
    },
    more: "Saves {url, token} to $XDG_CONFIG_HOME/keyframe/config.json (or ~/.config/keyframe/config.json), mode 0600.",
  },
  whoami: { usage: "keyframe whoami", summary: "Who the token signs in as, and where.", positionals: [0, 0], options: {} },
  logout: { usage: "keyframe logout", summary: "Forget the saved token (revoke it on the API page).", positionals: [0, 0], options: {} },
  generate: {
    usage: "keyframe generate <image-file-or-url> --prompt <text> [options]",
    summary: "Make takes from a start image; shows the price and asks before paying.",
    positionals: [1, 1],
    options: {
      prompt: { type: "string", short: "p", arg: "text", help: "The motion you want (required)." },
      "end-image": { type: "string", arg: "file-or-url", help: "An image the video should end on." },
      model: {
        type: "string",
        short: "m",
        arg: "id",
        help: "A model id (docs/models.md; default bytedance/seedance-v1-lite-i2v-480p); priced by WaveSpeed's quote.",
      },
      resolution: { type: "string", arg: "480p|720p|1080p", help: "For models with several resolutions (default the model's)." },
      audio: { type: "boolean", help: "Ask for a sound track (models with sound)." },
      "no-audio": { type: "boolean", help: "No sound track (models with sound)." },
      duration: {
        type: "string",
        short: "d",
        arg: "seconds",
        help: "Length in seconds, in the model's range (lite 480p: 2-12; default 5).",
      },
      "aspect-ratio": { type: "string", arg: "ratio", help: "auto (from the image; default), 21:9, 16:9, 4:3, 1:1, 3:4 or 9:16." },
      "camera-fixed": { type: "boolean", help: "Keep the camera still." },
      seed: { type: "string", arg: "n", help: "Seed, -1 for random (default -1); variations use seed, seed+1, …" },
      "no-safety-checker": { type: "boolean", help: "Turn WaveSpeed's safety checker off." },
      variations: { type: "string", short: "n", arg: "n", help: "Takes to make, 1-4 (default 1); each is charged." },
      again: { type: "boolean", help: "Pay again for a take that repeats one of the last 24 hours." },
      yes,
      wait,
      out: { type: "string", short: "o", arg: "file.mp4|dir", help: "Download the video(s) here once done (implies --wait)." },
      "idempotency-key": key,
      timeout,
    },
  },
  list: {
    usage: "keyframe list [--search <text>] [--status all|active|completed|failed] [--mine] [--limit <n>]",
    summary: "The team's takes, newest first.",
    positionals: [0, 0],
    options: {
      search: { type: "string", short: "s", arg: "text", help: "Only takes whose prompt contains this." },
      status: { type: "string", arg: "filter", help: "all (default), active, completed or failed." },
      mine: { type: "boolean", help: "Only my takes." },
      limit: { type: "string", arg: "n", help: "At most this many (default 20)." },
    },
  },
  show: { usage: "keyframe show <id>", summary: "One take in full.", positionals: [1, 1], options: {} },
  download: {
    usage: "keyframe download <id> [--out <file.mp4|dir>]",
    summary: "Save a finished take's video (checked to be an MP4).",
    positionals: [1, 1],
    options: { out: { type: "string", short: "o", arg: "file.mp4|dir", help: "Where to save it (default: its name, here)." } },
  },
  wait: {
    usage: "keyframe wait <id>… [--out <dir>] [--timeout <seconds>]",
    summary: "Wait for takes to finish; exit 0 only if every one completed.",
    positionals: [1, Infinity],
    options: { out: { type: "string", short: "o", arg: "file.mp4|dir", help: "Download each video here once done." }, timeout },
  },
  cancel: {
    usage: "keyframe cancel <id>…",
    summary: "Withdraw takes still queued in Keyframe (not yet sent; nothing is charged).",
    positionals: [1, Infinity],
    options: {},
  },
  batch: {
    usage: "keyframe batch <rows.csv|rows.json> [--images <dir|file.zip>] [--name <text>] [--yes] [--wait]",
    summary: "Preview a file of rows with its total price, then run it as one batch.",
    positionals: [1, 1],
    options: {
      images: { type: "string", arg: "dir|zip", help: "Where the rows' image files are: a folder or a .zip." },
      name: { type: "string", arg: "text", help: "The batch's name (default: the file's name)." },
      "dry-run": { type: "boolean", help: "Only preview: print each row's check and the total, pay nothing." },
      again: { type: "boolean", help: "Pay again for rows that repeat a take of the last 24 hours." },
      yes,
      wait,
      "idempotency-key": key,
      timeout,
    },
    more: "Columns (CSV header or JSON keys): image, end_image, prompt, duration, aspect_ratio, camera_fixed, seed, variations.\nimage/end_image: a file name in --images, or an http(s) URL.",
  },
  help: { usage: "keyframe help [command]", summary: "This help, or one command's.", positionals: [0, 1], options: {} },
};

export const EXIT_HELP = `Exit codes:
  0  done (with --wait: every take completed)
  1  a take failed, was cancelled or is not done (timeout)
  2  usage error (unknown option, missing argument, unreadable file)
  3  not signed in, or the token was refused (401; 403 e.g. a read-only token)
  4  the server refused the input (400, 404, 409, 413, 422); the field is named
  5  a spend cap (403 spend_cap) or the rate limit (429, with Retry-After)
  6  the server is unreachable, answered 5xx, or sent something unreadable`;

const optionLine = (/** @type {string} */ name, /** @type {Option} */ o) => {
  const flag = `${o.short ? `-${o.short}, ` : "    "}--${name}${o.arg ? ` <${o.arg}>` : ""}`;
  return `  ${flag.padEnd(34)}${o.help}`;
};

/** The text of `keyframe help <command>` / `keyframe <command> --help`. */
export function commandHelp(/** @type {string} */ name) {
  const command = COMMANDS[name];
  if (!command) return overallHelp();
  const options = Object.entries({ ...command.options, ...GLOBAL_OPTIONS }).map(([n, o]) => optionLine(n, o));
  return [
    `${command.summary}\n`,
    `Usage: ${command.usage}\n`,
    "Options:",
    ...options,
    ...(command.more ? ["", command.more] : []),
    "",
    EXIT_HELP,
    "",
  ].join("\n");
}

export function overallHelp() {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`);
  return [
    "keyframe: Keyframe's image-to-video studio from a shell, through its HTTP API.\n",
    "Usage: keyframe <command> [options]   (keyframe <command> --help for its options)\n",
    "Commands:",
    ...lines,
    "",
    "Every command takes --json: JSON on stdout only; messages and progress on stderr.",
    "KEYFRAME_URL and KEYFRAME_TOKEN, when set, win over the saved login.",
    "",
    EXIT_HELP,
    "",
  ].join("\n");
}
