import type { Config } from "tailwindcss";

// Tailwind 4 reads its theme from CSS (app/globals.css); this file names the sources and stays
// the single place for JS-side settings.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "media",
} satisfies Config;
