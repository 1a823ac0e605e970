// update-during-race: an update session opened before the race, update_chunk lines arriving
// while the lanes finish, with flash timing modelled (erase 45 ms, program 0.4 ms per 256 B,
// interrupts off, as the W25Q16JV): the chunks are refused "busy", nothing is written, and
// the race's times are exact.
import { standalone, startServing, config, race, describeRace, checkClean, sha256, MS, S } from "../harness.mjs";

export const cost = 5; // ~12 s wall on one core
const TOL = 5; // µs

export default async function run(sc) {
  const dev = sc.boot({ eraseMs: 45, programMs: 0.4 });
  startServing(dev);
  const cfg = config(dev);
  const data = Buffer.alloc(16384, 0x41);
  const b = dev.call("update_begin", { version: "0.0.0-blob", files: [{ name: "blob.bin", size: data.length, sha256: sha256(data) }] }, 20 * S);
  sc.check(b.ok && typeof b.ok.session === "string", `update_begin before the race opens a session (got ${JSON.stringify(b).slice(0, 160)})`);
  const session = b.ok ? b.ok.session : "none";
  let ops0 = null, ops1 = null, armedAt = 0;
  const ids = [];
  const plan = { 1: 300000, 2: 400000, 3: 500000, 4: 900000 };
  const r = race(dev, cfg, plan, {
    sends: (g0) => {
      const out = [];
      // 512-byte chunks (~720-byte lines): the device reads input at roughly 10 bytes/ms, so
      // one line every 80 ms is taken while the race is still running.
      for (let i = 0; i < 8; i++) {
        const off = i * 512;
        const id = 1000 + i;
        ids.push(id);
        out.push([g0 + (100 + i * 80) * MS, JSON.stringify({ id, cmd: "update_chunk", session, name: "blob.bin", offset: off,
          data: data.subarray(off, off + 512).toString("base64") }) + "\n"]);
      }
      ids.push(1100, 1101);
      out.push([g0 + 740 * MS, JSON.stringify({ id: 1100, cmd: "update_abort", session }) + "\n"]);
      out.push([g0 + 760 * MS, JSON.stringify({ id: 1101, cmd: "update_begin", version: "x", files: [{ name: "y.py", size: 0, sha256: sha256(Buffer.alloc(0)) }] }) + "\n"]);
      return out;
    },
    at: (g0) => [[g0 - 1 * MS, (d) => { ops0 = d.totalFlashOps; armedAt = d.ns; }]],
  });
  ops1 = dev.totalFlashOps;
  const ans = (id) => dev.frames.find((x) => x.f.id === id);
  try { dev.waitFor(() => ids.every(ans), 5 * S, "the answers to the update requests"); } catch (e) { sc.note(String(e.message).slice(0, 200)); }
  const lateAnswers = ids.filter((id) => ans(id) && ans(id).at > r.res.at).length;
  if (lateAnswers) sc.note(`${lateAnswers} update requests were answered only after the race ended`);
  sc.note(describeRace("race (update traffic while the lanes finish)", plan, r));
  const answers = ids.map((id) => dev.frames.find((x) => x.f.id === id)).map((x) => x ? (x.f.ok ? "ok" : x.f.code) : "none");
  const erases = dev.flashLog.filter((x) => x[0] >= armedAt && x[2] === "erase").map((x) => `${((x[0] - r.g0) / MS).toFixed(1)}-${((x[1] - r.g0) / MS).toFixed(1)}`);
  sc.note(`answers to update_chunk x8, update_abort, update_begin during the race: ${answers.join(",")}`);
  sc.note(`flash erases during the race (ms after the gate): ${erases.join(" ") || "none"}`);
  sc.check(answers.every((a) => a === "busy"), "update_chunk / update_abort / update_begin while racing are answered busy");
  const wrote = (ops1.erase - ops0.erase) + (ops1.program - ops0.program);
  sc.check(wrote === 0, `nothing written to flash during the race (${ops1.erase - ops0.erase} erases, ${ops1.program - ops0.program} programs)`);
  sc.check(r.res.ok && r.worst <= TOL, `lane times within ${TOL} µs with update traffic (worst ${r.worst} µs)`);
  const ab = dev.call("update_abort", { session }, 10 * S);
  sc.check(!!ab.ok, `after the race, update_abort ends the session (got ${JSON.stringify(ab).slice(0, 160)})`);
  sc.metric("lane_error_us", r.errors);
  sc.metric("worst_error_us", Number.isFinite(r.worst) ? r.worst : null);
  sc.metric("flash_ops_during_race", wrote);
  sc.metric("edges_late_us", Math.round(r.late / 1000));
  checkClean(sc, dev);
}

await standalone(import.meta.url, "update-during-race", run);
