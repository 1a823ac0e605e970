// watchdog: the main loop hangs (inject.py with MODE "hang": on its 50th poll it sleeps
// forever); the hardware watchdog (≈8 s) must reset the chip, and the device comes back with
// boot reason "watchdog".
import { standalone, startServing, toRepl, typeLine, MS, S } from "../harness.mjs";

export const cost = 14; // ~35 s wall on one core

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  sc.note(`reached the REPL by ${toRepl(dev)}`);
  const r0 = dev.resets;
  typeLine(dev, "import inject; inject.MODE = 'hang'; import main; main.main()");
  const t0 = dev.ns;
  let reset = null;
  try { reset = dev.waitForReset(12 * S); } catch (e) { sc.note(String(e.message).slice(0, 200)); }
  sc.check(!!reset && reset.kind === "watchdog", `a hung loop is reset by the watchdog timer (got ${reset ? reset.kind + " after " + ((reset.at - t0) / MS).toFixed(0) + " ms" : "no reset within 12 s"})`);
  if (reset) sc.metric("hang_to_reset_ms", Math.round((reset.at - t0) / MS));
  let info = null;
  try { info = dev.callRetry("info", {}, 10 * S, 1 * S); } catch (e) { sc.note(String(e.message).slice(0, 200)); }
  const b = info && info.ok ? info.ok.boot : undefined;
  sc.check(!!b && b.reason === "watchdog", `after the reset, info's boot says reason "watchdog" (got ${JSON.stringify(b)})`);
}

await standalone(import.meta.url, "watchdog", run);
