// glitch: a 2 µs spike on lane 1 (EMI, a flicker on an optical sensor) 1.0 s before the car;
// the lane must be timed at the car. Also a 2 µs spike on the gate while armed: no start.
import { standalone, startServing, config, race, describeRace, checkClean, MS, S } from "../harness.mjs";

export const cost = 4; // ~10 s wall on one core
const TOL = 5; // µs

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  const cfg = config(dev);
  const plan = { 1: 1300000, 2: 1400000 };
  const r = race(dev, cfg, plan, { glitch: [[1, 300000, 2000]] });
  sc.note(describeRace("race (2 µs spike on lane 1 at 0.3 s, the car at 1.3 s)", plan, r));
  sc.check(r.got && Math.abs(r.got["1"] - plan[1]) <= TOL, `lane 1 timed at the car, not the spike (got ${r.got && r.got["1"]} µs, car ${plan[1]} µs)`);
  sc.check(r.res.ok && r.worst <= TOL, `both lanes within ${TOL} µs (worst ${r.worst} µs)`);
  sc.metric("lane_error_us", r.errors);
  // A spike on the gate pin while armed must not start the race.
  const READY = cfg.gate_invert ? 1 : 0;
  dev.setPin(cfg.gate_pin, READY);
  dev.run(20 * MS);
  const sub = dev.call("subscribe", { topics: ["race"] });
  const w = dev.request("wait_race", { lanes: "12" });
  dev.run(20 * MS);
  const t0 = dev.ns;
  dev.setPin(cfg.gate_pin, 1 - READY);
  dev.run(2000);
  dev.setPin(cfg.gate_pin, READY);
  dev.run(50 * MS);
  const started = dev.events(sub.id, t0).filter((e) => e.event === "started");
  sc.check(started.length === 0, `a 2 µs spike on the gate does not start the race (${started.length} started events)`);
  dev.call("cancel", { target: w.id });
  checkClean(sc, dev);
}

await standalone(import.meta.url, "glitch", run);
