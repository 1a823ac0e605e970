// race4: a timed race on the default 4 lanes with contact bounce and a DNF, and free RAM
// while racing (dbg's controller.mem_free, asked mid-race).
import { standalone, startServing, config, race, describeRace, checkClean, MS, S } from "../harness.mjs";

export const cost = 4; // ~10 s wall on one core
const TOL = 5; // µs

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  // The DNF lane ends the race at the race timeout: use the shortest one allowed.
  const set = dev.call("config_set", { race_timeout_ms: 1000 }, 5 * S);
  sc.check(!!set.ok, `config_set race_timeout_ms=1000 (got ${JSON.stringify(set).slice(0, 200)})`);
  const cfg = config(dev);
  let dbg = null;
  const plan = { 1: 412345, 2: 501234, 3: null, 4: 633333 };
  const r = race(dev, cfg, plan, {
    bounce: { 1: [[200, 1], [260, 0], [2000, 1], [2100, 0]], 2: [[50, 1], [60, 0]], 4: [[10, 1], [20, 0], [30, 1], [40, 0]] },
    at: (g0) => [[g0 + 200 * MS, (d) => { dbg = d.request("dbg"); }]],
  });
  sc.note(describeRace("race (4 lanes, bounces, lane 3 DNF)", plan, r));
  sc.check(r.res.ok && r.worst <= TOL, `lane times within ${TOL} µs of the driven edges, first edge kept despite bounce (worst ${r.worst} µs)`);
  sc.check(r.got && r.got["3"] === undefined && r.res.ok.lanes === "1234", "the DNF lane has no time");
  const complete = r.res.ok ? (r.res.at - r.g0) / MS : null;
  sc.note(`race completed ${complete && complete.toFixed(1)} ms after the gate (timeout 1000 ms)`);
  sc.check(complete !== null && complete >= 1000 && complete < 1100, `the race ends at the race timeout (${complete && complete.toFixed(1)} ms)`);
  const d = dbg ? dev.answer(dbg.id) : null;
  const mem = d && d.ok && d.ok.controller ? d.ok.controller.mem_free : undefined;
  sc.note(`dbg while racing: phase ${d && d.ok && d.ok.engine && d.ok.engine.phase}, controller.mem_free ${JSON.stringify(mem)}`);
  sc.check(typeof mem === "number", `dbg answers controller.mem_free while racing (got ${JSON.stringify(mem)})`);
  sc.metric("mem_free_racing", typeof mem === "number" ? mem : null);
  sc.metric("lane_error_us", r.errors);
  sc.metric("worst_error_us", Number.isFinite(r.worst) ? r.worst : null);
  checkClean(sc, dev);
}

await standalone(import.meta.url, "race4", run);
