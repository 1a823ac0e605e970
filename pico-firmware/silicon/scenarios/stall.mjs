// stall: the host stops reading for 2 s (a laptop app that hangs) while subscribed events and
// answers pile up and a race runs; then it reads again. Every line received must be a whole
// JSON object, no response lost, dropped events announced with overflow events (received +
// dropped = events produced), and the race timed correctly.
import { standalone, startServing, config, describeRace, MS, S, US } from "../harness.mjs";

export const cost = 10; // ~25 s wall on one core
const TOL = 5; // µs

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  dev.call("config_set", { race_timeout_ms: 2500 }, 5 * S); // bounds the wait if a lane is missed
  const cfg = config(dev);
  const READY = cfg.gate_invert ? 1 : 0;
  const blocked = cfg.lane_invert ? 1 : 0;
  const L = cfg.lane_pins;
  const subA = dev.call("subscribe", { topics: ["lanes"] });
  const subB = dev.call("subscribe", { topics: ["gate", "race", "engine"] });
  dev.setPin(cfg.gate_pin, READY);
  dev.run(30 * MS);
  const tSnap = dev.ns;
  const t0 = dev.ns + 1 * MS;
  const act = [];
  let laneChanges = 0;
  // lanes 3 and 4 (not raced) blocked 10 ms of every 20 ms for 1.8 s
  for (let k = 0; k < 90; k++) {
    for (const [pin, off] of [[L[2], 0], [L[3], 5]]) {
      const at = t0 + (50 + k * 20 + off) * MS + 123 * US;
      act.push([at, (d) => d.setPin(pin, blocked)], [at + 10 * MS, (d) => d.setPin(pin, 1 - blocked)]);
      laneChanges += 2;
    }
  }
  // requests while the host does not read; the first answer (info, ~230 bytes) leaves the
  // device's 256-byte USB FIFO with a few bytes free, so the next frame does not fit whole
  const ids = [];
  act.push([t0 + 1 * MS, (d) => ids.push(d.request("info").id)]);
  for (let k = 0; k < 10; k++) {
    act.push([t0 + (100 + k * 150) * MS, (d) => ids.push(d.request(k % 2 ? "gate" : "info").id)]);
  }
  // a race on lanes 1 and 2 during the stall
  let w = null;
  const g0 = t0 + 300 * MS;
  const plan = { 1: 400321, 2: 500654 };
  act.push([t0 + 200 * MS, (d) => { w = d.request("wait_race", { lanes: "12" }); }]);
  act.push([g0, (d) => d.setPin(cfg.gate_pin, 1 - READY)]);
  for (const [lane, us] of Object.entries(plan)) {
    const pin = L[Number(lane) - 1];
    act.push([g0 + us * US, (d) => d.setPin(pin, blocked)], [g0 + us * US + 3 * MS, (d) => d.setPin(pin, 1 - blocked)]);
    laneChanges += 2;
  }
  act.push([t0, (d) => d.pauseReading()]);
  act.push([t0 + 2 * S, (d) => d.resumeReading()]);
  const rx0 = dev.frames.length;
  dev.schedule(act);
  const during = dev.frames.filter((x) => x.at > t0 && x.at < t0 + 2 * S).length;
  // read again: wait until every request is answered and the line is quiet
  const all = [...ids, w.id];
  try { dev.waitFor(() => all.every((id) => dev.frames.some((x) => x.f.id === id)), 5 * S, "every answer"); } catch (e) { sc.note(String(e.message).slice(0, 200)); }
  dev.run(300 * MS);
  // One more lane change: a subscription announces events it dropped before its next event.
  dev.setPin(L[2], blocked);
  dev.run(5 * MS);
  dev.setPin(L[2], 1 - blocked);
  laneChanges += 2;
  dev.run(100 * MS);
  dev.setPin(cfg.gate_pin, READY);
  sc.note(`frames received while the host was not reading: ${during} (should be 0); after: ${dev.frames.length - rx0 - during}`);
  sc.check(during === 0, "the emulated host really stopped reading (no frame arrived during the stall)");
  sc.check(dev.junk.length === 0 && dev.cut.length === 0, `every line received is a whole JSON object (${dev.junk.length} other lines${dev.junk.length ? ", first " + JSON.stringify(dev.junk[0].line.slice(0, 100)) : ""})`);
  const missing = all.filter((id) => !dev.frames.some((x) => x.f.id === id));
  sc.check(missing.length === 0, `no response lost (${all.length - missing.length} of ${all.length} answered${missing.length ? ", missing ids " + missing.join(",") : ""})`);
  const a = dev.events(subA.id, tSnap).filter((e) => e.event === "state");
  const ov = dev.events(subA.id, tSnap).filter((e) => e.event === "overflow");
  const dropped = ov.reduce((s, e) => s + (e.dropped || 0), 0);
  sc.note(`lanes subscription: ${laneChanges} lane changes driven, ${a.length} state events received, ${ov.length} overflow events announcing ${dropped} dropped`);
  sc.check(ov.length > 0, "dropped events are announced with an overflow event");
  sc.check(a.length + dropped === laneChanges, `received + dropped events = events produced (${a.length} + ${dropped} vs ${laneChanges})`);
  const res = w ? dev.frames.find((x) => x.f.id === w.id) : null;
  const got = res && res.f.ok ? res.f.ok.times_us : null;
  const errors = {};
  let worst = 0;
  for (const [lane, us] of Object.entries(plan)) {
    const e = got && got[lane] !== undefined ? got[lane] - us : NaN;
    errors[lane] = e;
    worst = Math.max(worst, Number.isNaN(e) ? Infinity : Math.abs(e));
  }
  sc.note(describeRace("race during the stall", plan, { got, errors, late: 0, res: res && res.f }));
  sc.check(!!got && worst <= TOL, `the race run during the stall is timed within ${TOL} µs (worst ${worst} µs)`);
  if (missing.length) {
    try {
      const d = dev.call("dbg");
      const st = dev.call("state");
      sc.note(`diagnosis: dbg engine ${JSON.stringify(d.ok && d.ok.engine)}; state ${JSON.stringify(st.ok || st).slice(0, 200)}`);
    } catch (e) { sc.note(`diagnosis failed: ${String(e.message).slice(0, 120)}`); }
  }
  const info = dev.call("info");
  sc.check(!!info.ok, "the device serves normally afterwards");
  sc.metric("events_produced", laneChanges);
  sc.metric("events_received", a.length);
  sc.metric("events_dropped_announced", dropped);
  sc.metric("responses_missing", missing.length);
  sc.metric("junk_lines", dev.junk.length);
  sc.metric("lane_error_us", errors);
}

await standalone(import.meta.url, "stall", run);
