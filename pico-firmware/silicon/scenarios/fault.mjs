// fault: an exception escaping the main loop. No firmware test hook: from the plain REPL,
// `import inject` (a module on the test image that patches device.Device.poll to raise
// MemoryError on its 50th call), then `import main; main.main()`. The device must report it
// as {"err":...,"code":"internal"} and restart serving on its own; the next boot line and
// info's "boot" say reason "fault" with the exception in "detail".
import { standalone, startServing, toRepl, typeLine, MS, S } from "../harness.mjs";

export const cost = 9; // ~22 s wall on one core

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  const how = toRepl(dev);
  sc.note(`reached the REPL by ${how}`);
  const t0 = dev.ns;
  typeLine(dev, "import inject; import main; main.main()");
  let err = null;
  try {
    err = dev.frame((f) => f.code === "internal" && f.id === undefined, 5 * S, "an internal error frame").f;
  } catch { err = null; }
  sc.check(!!err && /MemoryError/.test(err.err || ""), `the exception is reported as {"err":…,"code":"internal"} without id (got ${JSON.stringify(err)})`);
  let info = null;
  try { info = dev.callRetry("info", {}, 10 * S, 1 * S); } catch (e) { sc.note(String(e.message).slice(0, 300)); }
  sc.check(!!(info && info.ok), "the device restarts serving on its own (info answered)");
  const b = info && info.ok ? info.ok.boot : undefined;
  sc.check(!!b && b.reason === "fault" && /MemoryError/.test(b.detail || ""), `info's boot says reason "fault" with the exception in detail (got ${JSON.stringify(b)})`);
  const lines = dev.frames.filter((x) => x.at > t0 && x.f.boot !== undefined && x.f.id === undefined);
  const line = lines.find((x) => x.f.boot.reason === "fault");
  sc.check(!!line, `a boot line with reason "fault" when serving restarts (boot lines: ${lines.map((x) => x.line).join(" ") || "none"})`);
  if (info && info.at && err) sc.metric("fault_to_serving_ms", Math.round((info.at - t0) / MS));
  sc.metric("resets", dev.resets);
  const tb = /Traceback/.test(dev.rxLog.slice(-5000));
  sc.note(`lines that were not JSON after the REPL: ${dev.junk.length}${tb ? " (a Traceback among them)" : ""}`);
}

await standalone(import.meta.url, "fault", run);
