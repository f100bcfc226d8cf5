export function SimulatorBanner() {
  return (
    <div
      role="note"
      className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200"
    >
      <strong>Simulator mode:</strong> no <code className="font-mono">WAVESPEED_API_KEY</code> is set, so jobs run on Keyframe&rsquo;s
      built-in WaveSpeed simulator and cost nothing. To generate for real, set <code className="font-mono">WAVESPEED_API_KEY</code> in{" "}
      <code className="font-mono">.env.local</code> and restart.
    </div>
  );
}
