// deadheat: 8 lanes closing at the same nanosecond (one stamp for all: spread <= 2 µs), and
// near-ties: pairs of lanes a few µs apart in random order, counting how often the lower
// lane is reported first although it was truly later (lane-order bias). Several dozen pairs
// by default; SILICON_NEAR_TIES=1000 (or --long) for a thousand.
import { standalone, startServing, config, race, describeRace, checkClean, LONG, MS, S } from "../harness.mjs";

export const cost = 6; // ~15 s wall on one core
const TOL = 5; // µs

function rng(seed) {
  // mulberry32: the same pairs on every run
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  const set = dev.call("config_set", { lane_count: 8 }, 5 * S);
  sc.check(!!set.ok, "config_set lane_count=8");
  const cfg = config(dev);
  const all = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0 };

  // -- dead heat ---------------------------------------------------------------------------
  const heat = {};
  for (const k in all) heat[k] = 250000;
  let r = race(dev, cfg, heat);
  sc.note(describeRace("dead heat (8 lanes at the same ns)", heat, r));
  const vals = r.got ? Object.values(r.got) : [];
  const spread = vals.length === 8 ? Math.max(...vals) - Math.min(...vals) : null;
  sc.check(spread !== null && spread <= 2, `8-lane dead heat: 8 times within 2 µs of each other (spread ${spread} µs)`);
  sc.check(r.res.ok && r.worst <= TOL, `8-lane dead heat: every time within ${TOL} µs of the edge (worst ${r.worst} µs)`);
  sc.metric("dead_heat_spread_us", spread);
  sc.metric("dead_heat_error_us", r.errors);

  // -- a close finish: 10 µs, 100 µs, 1 ms apart ---------------------------------------------
  const close = { 1: 300000, 2: 300010, 3: 300100, 4: 301000 };
  r = race(dev, cfg, close, { lanes: "1234" });
  sc.note(describeRace("close finish (10 µs, 100 µs, 1 ms apart)", close, r));
  // One handler's stamp goes to every lane it finds changed in the GPIO register, which it
  // reads a few µs after stamping: a lane that closes within that window shares the stamp
  // (a tie, off by the gap), a later one gets its own handler's stamp.
  const g = r.got || {};
  const apart = g["2"] < g["3"] && g["3"] < g["4"] && g["1"] <= g["2"];
  const within = r.got && [1, 3, 4].every((n) => Math.abs(g[n] - close[n]) <= TOL) && Math.abs(g[2] - close[2]) <= 10 + TOL;
  sc.check(!!apart && !!within, `close finish: never reversed; 100 µs and 1 ms apart told apart within ${TOL} µs; 10 µs apart a tie at worst (errors ${JSON.stringify(r.errors)})`);
  sc.metric("close_finish_error_us", r.errors);

  // -- near ties ---------------------------------------------------------------------------
  const pairs = Number(process.env.SILICON_NEAR_TIES || (LONG ? 1000 : 48));
  const rand = rng(20240613);
  let worstCase = "";
  let lowerWrong = 0, higherWrong = 0, ties = 0, right = 0, done = 0, worst = 0, lost = 0;
  const sumErr = [];
  while (done < pairs) {
    // 4 pairs per race: lanes shuffled into pairs, each pair 2..8 µs apart, pairs 2 ms apart.
    const lanes = [1, 2, 3, 4, 5, 6, 7, 8];
    for (let i = 7; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [lanes[i], lanes[j]] = [lanes[j], lanes[i]]; }
    const plan = {}, truth = [];
    for (let p = 0; p < 4; p++) {
      const base = 40000 + p * 2000 + Math.floor(rand() * 500);
      const gap = 2 + Math.floor(rand() * 7);
      const [a, b] = [lanes[2 * p], lanes[2 * p + 1]]; // a truly first
      plan[a] = base; plan[b] = base + gap;
      truth.push([a, b]);
    }
    r = race(dev, cfg, plan, { hold: 1000, lanes: "12345678" });
    if (!r.got) { lost += 4; done += 4; sc.note(describeRace("near-tie race failed", plan, r)); continue; }
    for (const [a, b] of truth) {
      const ga = r.got[a], gb = r.got[b];
      if (ga === undefined || gb === undefined) { lost++; continue; }
      const w = Math.max(Math.abs(ga - plan[a]), Math.abs(gb - plan[b]));
      if (w > worst) { worst = w; worstCase = `lanes ${a},${b} at ${plan[a]},${plan[b]} µs got ${ga},${gb}`; }
      sumErr.push(Math.abs(ga - plan[a]), Math.abs(gb - plan[b]));
      if (ga < gb) right++;
      else if (ga === gb) ties++;
      else if (b < a) lowerWrong++;   // the lower lane (b) reported first though truly later
      else higherWrong++;
    }
    done += 4;
  }
  const mean = sumErr.length ? sumErr.reduce((x, y) => x + y, 0) / sumErr.length : null;
  sc.note(`near ties (${done} pairs 2..8 µs apart): right order ${right}, ties ${ties}, lower lane first though later ${lowerWrong}, higher lane first though later ${higherWrong}, lost ${lost}; worst error ${worst} µs (${worstCase}), mean ${mean && mean.toFixed(1)} µs`);
  sc.check(lost === 0, `near ties: every lane timed (${lost} missing)`);
  sc.check(lowerWrong === 0 && higherWrong === 0, `near ties: no pair reported in the wrong order (lower lane wrongly first ${lowerWrong} times, higher lane ${higherWrong} times in ${done})`);
  sc.check(worst <= 8 + TOL, `near ties: every lane within ${8 + TOL} µs of its edge (a tie costs the 2..8 µs gap on top of the stamp's latency; worst ${worst} µs)`);
  sc.metric("near_tie_pairs", done);
  sc.metric("near_tie_right", right);
  sc.metric("near_tie_ties", ties);
  sc.metric("near_tie_lower_lane_wrongly_first", lowerWrong);
  sc.metric("near_tie_higher_lane_wrongly_first", higherWrong);
  sc.metric("near_tie_worst_error_us", worst);
  sc.metric("near_tie_mean_error_us", mean && Number(mean.toFixed(2)));
  checkClean(sc, dev);
}

await standalone(import.meta.url, "deadheat", run);
