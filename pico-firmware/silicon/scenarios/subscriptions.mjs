// subscriptions: subscribe to gate/lanes/race/engine, the snapshot events, live events from
// the pins and a race, unsubscribe; the "learn" topic reports an unused pin only while open.
import { standalone, startServing, config, race, checkClean, MS, S } from "../harness.mjs";

export const cost = 4; // ~10 s wall on one core

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  const cfg = config(dev);
  const READY = cfg.gate_invert ? 1 : 0;
  const blocked = cfg.lane_invert ? 1 : 0;
  const hold = (cfg.hold_us || 0) * 1000;
  const topics = ["gate", "lanes", "race", "engine"];
  const sub = dev.call("subscribe", { topics });
  sc.check(sub.ok && sub.ok.sub === sub.id && JSON.stringify(sub.ok.topics) === JSON.stringify(topics),
    `subscribe answers {sub, topics} (got ${JSON.stringify(sub)})`);
  const sid = sub.id;
  dev.run(100 * MS);  // the frames go out a byte per write (~12 KB/s emulated): room for all
  dev.pump();
  const snap = dev.events(sid);
  const gate = snap.filter((e) => e.event === "state" && "gate_ready" in e);
  const lanes = snap.filter((e) => e.event === "state" && "lane" in e);
  const phase = snap.filter((e) => e.event === "phase");
  sc.check(gate.length === 1 && gate[0].gate_ready === false, `snapshot: one gate state, not ready (got ${JSON.stringify(gate)})`);
  sc.check(lanes.length === cfg.lane_count && lanes.every((e, i) => e.lane === i + 1 && e.triggered === false),
    `snapshot: ${cfg.lane_count} lane states, none triggered (got ${lanes.length}: ${JSON.stringify(lanes).slice(0, 200)})`);
  sc.check(phase.length === 1 && phase[0].phase === "IDLE", `snapshot: engine phase IDLE (got ${JSON.stringify(phase)})`);
  sc.check(!snap.some((e) => ["armed", "started"].includes(e.event)), "snapshot: no race events while idle");

  let t0 = dev.ns;
  dev.setPin(cfg.gate_pin, READY);
  dev.run(50 * MS + hold);
  let ev = dev.events(sid, t0);
  sc.check(ev.length === 1 && ev[0].event === "state" && ev[0].gate_ready === true,
    `gate closed -> one gate state event gate_ready true (got ${JSON.stringify(ev)})`);
  t0 = dev.ns;
  dev.setPin(cfg.lane_pins[1], blocked);
  dev.run(5 * MS);
  dev.setPin(cfg.lane_pins[1], 1 - blocked);
  dev.run(50 * MS + hold);
  ev = dev.events(sid, t0);
  sc.check(ev.length === 2 && ev[0].lane === 2 && ev[0].triggered === true && ev[1].lane === 2 && ev[1].triggered === false,
    `lane 2 blocked 5 ms -> lane 2 triggered true, then false (got ${JSON.stringify(ev)})`);

  t0 = dev.ns;
  const r = race(dev, cfg, { 1: 150000, 2: 160000 });
  dev.run(10 * MS);
  ev = dev.events(sid, t0).map((e) => e.event === "phase" ? `phase:${e.phase}` : e.event === "state" ? ("lane" in e ? `lane${e.lane}:${e.triggered}` : `gate:${e.gate_ready}`) : e.event);
  const want = ["armed", "started", "completed"];
  const got = ev.filter((e) => want.includes(e));
  sc.check(r.res.ok && JSON.stringify(got) === JSON.stringify(want), `race on lanes 1,2: race events armed, started, completed (got ${JSON.stringify(ev)})`);
  const phases = ev.filter((e) => e.startsWith("phase:"));
  sc.check(JSON.stringify(phases) === JSON.stringify(["phase:ARMED", "phase:RACING", "phase:IDLE"]),
    `engine phases ARMED, RACING, IDLE (got ${JSON.stringify(phases)})`);
  const completed = dev.events(sid, t0).find((e) => e.event === "completed");
  sc.check(completed && completed.times_us && completed.times_us["1"] === r.got["1"],
    `the completed event carries the race's times (got ${JSON.stringify(completed)})`);

  const un = dev.call("unsubscribe", { sub: sid });
  sc.check(!!un.ok, `unsubscribe answers ok (got ${JSON.stringify(un)})`);
  t0 = dev.ns;
  dev.setPin(cfg.lane_pins[0], blocked);
  dev.run(5 * MS);
  dev.setPin(cfg.lane_pins[0], 1 - blocked);
  dev.setPin(cfg.gate_pin, 1 - READY);
  dev.run(50 * MS + hold);
  dev.setPin(cfg.gate_pin, READY);
  dev.run(50 * MS + hold);
  sc.check(dev.events(sid, t0).length === 0, `no events for the closed subscription (got ${JSON.stringify(dev.events(sid, t0))})`);

  // "learn": an unused pin (GP20) is reported only while a learn subscription is open.
  const learn = dev.call("subscribe", { topics: ["learn"] });
  t0 = dev.ns;
  dev.setPin(20, 0);
  dev.run(5 * MS);
  dev.setPin(20, 1);
  dev.run(50 * MS + hold);
  ev = dev.events(learn.id, t0);
  sc.check(ev.length >= 1 && ev[0].pin === 20 && ev[0].level === 0, `learn: GP20 low -> an edge event for pin 20 (got ${JSON.stringify(ev)})`);
  dev.call("unsubscribe", { sub: learn.id });
  t0 = dev.ns;
  dev.setPin(20, 0);
  dev.run(5 * MS);
  dev.setPin(20, 1);
  dev.run(10 * MS);
  sc.check(dev.events(learn.id, t0).length === 0, "learn closed: GP20 is no longer reported");
  checkClean(sc, dev);
}

await standalone(import.meta.url, "subscriptions", run);
