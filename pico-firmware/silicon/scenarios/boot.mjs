// boot: power up from the prepared flash image (main.py runs at boot) and answer `info`;
// the unsolicited boot line; the same for the .mpy image; dbg's mem_free.
import { standalone, startServing, checkClean, S } from "../harness.mjs";

export const cost = 4; // ~10 s wall on one core

export default async function run(sc) {
  for (const kind of ["py", "mpy"]) {
    const dev = sc.boot({ mpy: kind === "mpy" });
    const { info, bootMs, bootLine } = startServing(dev, 15 * S);
    sc.note(`${kind}: USB enumerated at ${(dev.enumeratedAt[0] / 1e6).toFixed(1)} ms, info answered at ${bootMs.toFixed(0)} ms emulated after power-up`);
    sc.metric(`boot_to_first_answer_ms_${kind}`, Math.round(bootMs));
    if (kind === "mpy") { checkClean(sc, dev, "mpy image: every line is a whole JSON object"); continue; }
    sc.metric("usb_enumerated_ms", Number((dev.enumeratedAt[0] / 1e6).toFixed(1)));
    const ok = info.ok || {};
    sc.check(ok.protocol === "2.0" && /^rallylab-pico /.test(ok.firmware || ""),
      `info answers protocol 2.0 and the firmware name (got ${JSON.stringify(info).slice(0, 160)})`);
    sc.check(!!bootLine, `an unsolicited {"boot":{...}} line when main.py starts serving${bootLine ? "" : " (none received)"}`);
    if (bootLine) {
      const b = bootLine.boot || {};
      sc.check(b.firmware === ok.firmware && b.reason === "power",
        `boot line names the firmware and reason "power" (got ${JSON.stringify(bootLine)})`);
      sc.check(JSON.stringify(ok.boot) === JSON.stringify(b), `info carries the same "boot" object (got ${JSON.stringify(ok.boot)})`);
    }
    const bad = dev.frames.filter((x) => !x.crlf);
    sc.check(bad.length === 0, `every line ends with CR LF${bad.length ? ` (${bad.length} end with a bare LF)` : ""}`);
    const rtt = [];
    for (let i = 0; i < 3; i++) rtt.push(dev.call("gate").rttMs);
    sc.note(`request -> answer (gate): ${rtt.map((x) => x.toFixed(2)).join(", ")} ms emulated`);
    sc.metric("gate_rtt_ms", Number((rtt.reduce((a, b) => a + b) / rtt.length).toFixed(2)));
    const dbg = dev.call("dbg");
    const mem = dbg.ok && dbg.ok.controller ? dbg.ok.controller.mem_free : undefined;
    sc.check(typeof mem === "number" && mem > 0, `dbg reports controller.mem_free (got ${JSON.stringify(mem)})`);
    sc.metric("mem_free_idle", typeof mem === "number" ? mem : null);
    checkClean(sc, dev);
  }
}

await standalone(import.meta.url, "boot", run);
