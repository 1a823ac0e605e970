// update-reboot: a firmware update (the file holding the version string, with a new version)
// sent with update_begin / update_chunk one at a time / update_commit; the device resets and
// answers info with the new version (boot reason "update"); after a power cycle it is still
// the new version (it answered, so it was kept).
import { standalone, startServing, versionFile, sendUpdate, MS, S } from "../harness.mjs";

export const cost = 16; // ~40 s wall on one core
const NEW = "9.9.9-silicon";

export default async function run(sc) {
  const dev = sc.boot({ eraseMs: 45, programMs: 0.4 });
  const { info: i0 } = startServing(dev);
  const vf = versionFile();
  const text = vf.text.replace(`"rallylab-pico ${vf.version}"`, `"rallylab-pico ${NEW}"`);
  const up = sendUpdate(dev, NEW, [[vf.name, Buffer.from(text)]]);
  sc.note(`update of ${vf.name} (${text.length} bytes, ${up.chunks} chunks) took ${up.ms.toFixed(0)} ms emulated; commit: ${JSON.stringify(up.commit)}`);
  sc.check(!!(up.commit && up.commit.ok && up.commit.ok.version === NEW), `update_commit answers ok with the version (got ${JSON.stringify(up.commit || up.begin).slice(0, 200)})`);
  const t0 = dev.ns, r0 = dev.resets;
  try { dev.waitFor(() => dev.resets > r0, 5 * S, "a chip reset", 1 * MS); } catch { /* reported below */ }
  sc.check(dev.resets > r0, `the device resets after the commit (hard resets: ${dev.resets - r0}${dev.resets > r0 ? ", " + dev.resetLog.at(-1).kind : ""})`);
  let info = null;
  try { info = dev.callRetry("info", {}, 15 * S, 1 * S); } catch (e) { sc.note(String(e.message).slice(0, 200)); }
  const ok = info && info.ok ? info.ok : {};
  sc.check(ok.firmware === `rallylab-pico ${NEW}`, `after the reboot info answers the new version (got ${JSON.stringify(ok.firmware)}, was ${JSON.stringify(i0.ok && i0.ok.firmware)})`);
  sc.check(!!ok.boot && ok.boot.reason === "update", `info's boot says reason "update" (got ${JSON.stringify(ok.boot)})`);
  if (info) sc.metric("commit_to_answer_ms", Math.round((info.at - t0) / MS));
  sc.metric("update_ms", Math.round(up.ms));
  dev.run(200 * MS);
  dev.powerCycle();
  let again = null;
  try { again = startServing(dev).info; } catch (e) { sc.note(String(e.message).slice(0, 200)); }
  const a = again && again.ok ? again.ok : {};
  sc.check(a.firmware === `rallylab-pico ${NEW}` && !a.rollback, `after a power cycle it is still the new version, no rollback (got ${JSON.stringify(a.firmware)}, boot ${JSON.stringify(a.boot)})`);
  sc.note(`lines that were not JSON: ${dev.junk.length}${dev.junk.length ? " e.g. " + JSON.stringify(dev.junk[0].line.slice(0, 80)) : ""}`);
  sc.check(dev.junk.length === 0, "every line from the device is a whole JSON object, across the reboots");
}

await standalone(import.meta.url, "update-reboot", run);
