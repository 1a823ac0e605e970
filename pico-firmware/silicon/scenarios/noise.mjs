// noise: GP20, an unused pin, toggling every 23 µs around the finish: only the gate and lane
// pins interrupt, so the lane times stay within 5 µs.
import { standalone, startServing, config, race, describeRace, checkClean, MS, S } from "../harness.mjs";

export const cost = 4; // ~10 s wall on one core
const TOL = 5; // µs

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  const cfg = config(dev);
  const plan = { 1: 500000, 2: 500300, 3: 501000, 4: 600000 };
  const r = race(dev, cfg, plan, { noise: [20, 23, 400000, 700000] });
  sc.note(describeRace("race (GP20 toggling every 23 µs from 0.4 s to 0.7 s)", plan, r));
  sc.check(r.res.ok && r.worst <= TOL, `lane times within ${TOL} µs with a noisy unused pin (worst ${r.worst} µs)`);
  const info = dev.call("info");
  sc.check(!!info.ok, "the device answers after the noise");
  sc.metric("lane_error_us", r.errors);
  sc.metric("worst_error_us", Number.isFinite(r.worst) ? r.worst : null);
  sc.metric("edges_late_us", Math.round(r.late / 1000));
  checkClean(sc, dev);
}

await standalone(import.meta.url, "noise", run);
