// race8: config_set lane_count=8 (lanes on GP2..GP9), an 8-lane race with contact bounce and
// a DNF; config_set with unchanged values writes nothing to flash; the new config keys.
import { standalone, startServing, config, race, describeRace, checkClean, MS, S } from "../harness.mjs";

export const cost = 4; // ~10 s wall on one core
const TOL = 5; // µs

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  const c0 = config(dev);
  sc.check(c0.hold_us === 300 && c0.lane_invert === false,
    `config_get has hold_us 300 and lane_invert false by default (got hold_us ${c0.hold_us}, lane_invert ${c0.lane_invert})`);
  const set = dev.call("config_set", { lane_count: 8, race_timeout_ms: 1000 }, 5 * S);
  sc.check(set.ok && JSON.stringify(set.ok.lane_pins) === "[2,3,4,5,6,7,8,9]" && set.ok.gate_pin === 10,
    `config_set lane_count=8 puts the lanes on GP2..GP9 (got ${JSON.stringify(set.ok && set.ok.lane_pins)})`);
  const ops0 = dev.totalFlashOps;
  const again = dev.call("config_set", { lane_count: 8, race_timeout_ms: 1000 }, 5 * S);
  dev.run(20 * MS);
  const ops1 = dev.totalFlashOps;
  const wrote = ops1.erase - ops0.erase + ops1.program - ops0.program;
  sc.check(!!again.ok && wrote === 0, `config_set with unchanged values writes nothing to flash (${ops1.erase - ops0.erase} erases, ${ops1.program - ops0.program} programs)`);
  const cfg = config(dev);
  const info = dev.call("info");
  sc.check(info.ok && info.ok.lane_count === 8, `info says lane_count 8 (got ${info.ok && info.ok.lane_count})`);
  const plan = { 1: 301001, 2: 352002, 3: 403003, 4: 454004, 5: 505005, 6: null, 7: 607007, 8: 658008 };
  const r = race(dev, cfg, plan, {
    bounce: { 1: [[100, 1], [150, 0]], 3: [[20, 1], [25, 0], [40, 1], [45, 0]], 5: [[250, 1], [280, 0]], 8: [[5, 1], [6, 0]] },
  });
  sc.note(describeRace("race (8 lanes, bounces, lane 6 DNF)", plan, r));
  sc.check(r.res.ok && r.res.ok.lanes === "12345678" && r.worst <= TOL, `8-lane times within ${TOL} µs (worst ${r.worst} µs)`);
  sc.check(r.got && r.got["6"] === undefined, "the DNF lane 6 has no time");
  sc.metric("lane_error_us", r.errors);
  sc.metric("worst_error_us", Number.isFinite(r.worst) ? r.worst : null);
  sc.metric("flash_ops_unchanged_config_set", wrote);
  checkClean(sc, dev);
}

await standalone(import.meta.url, "race8", run);
