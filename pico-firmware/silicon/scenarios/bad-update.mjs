// bad-update: an update whose main.py raises at import. The new version never answers, so
// the device must come back on the previous files by itself: boot reason "rollback", and
// info's "rollback" names the failed version and why.
import { standalone, startServing, sendUpdate, MS, S } from "../harness.mjs";

export const cost = 14; // ~35 s wall on one core
const BAD = "9.9.9-bad";

export default async function run(sc) {
  const dev = sc.boot({ eraseMs: 45, programMs: 0.4 });
  const { info: i0 } = startServing(dev);
  const old = i0.ok && i0.ok.firmware;
  const main = Buffer.from('# a broken build\nraise RuntimeError("bad build: this main.py fails at import")\n');
  const up = sendUpdate(dev, BAD, [["main.py", main]]);
  sc.check(!!(up.commit && up.commit.ok), `update_commit of the bad main.py answers ok (got ${JSON.stringify(up.commit || up.begin).slice(0, 200)})`);
  const t0 = dev.ns;
  dev.quietJunk = true;
  let info = null;
  try {
    // Ask every 2 s for up to 30 s: the device may sit in the REPL until its watchdog fires.
    dev.run(1 * S);
    info = dev.callRetry("info", {}, 30 * S, 2 * S);
  } catch (e) { sc.note(String(e.message).slice(0, 200)); }
  const ok = info && info.ok ? info.ok : {};
  sc.note(`after the commit: ${dev.resets} hard resets (${dev.resetLog.map((r) => r.kind).join(", ")}); ${dev.junk.length} non-JSON lines${/Traceback/.test(dev.rxLog) ? " (the traceback of the bad main.py among them)" : ""}`);
  sc.check(ok.firmware === old, `the device comes back on the previous version (got ${JSON.stringify(ok.firmware)}, want ${JSON.stringify(old)})`);
  sc.check(!!ok.boot && ok.boot.reason === "rollback", `info's boot says reason "rollback" (got ${JSON.stringify(ok.boot)})`);
  sc.check(!!ok.rollback && ok.rollback.version === BAD && typeof ok.rollback.why === "string",
    `info's rollback names the failed version and why (got ${JSON.stringify(ok.rollback)})`);
  if (info) sc.metric("commit_to_rollback_answer_ms", Math.round((info.at - t0) / MS));
}

await standalone(import.meta.url, "bad-update", run);
