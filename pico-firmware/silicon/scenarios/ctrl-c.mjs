// ctrl-c: 0x03 bytes on the line are data (the device keeps serving); then the `repl` request
// hands the line to the plain MicroPython REPL (for mpremote / Thonny).
import { standalone, startServing, checkClean, toRepl, MS, S } from "../harness.mjs";

export const cost = 5; // ~12 s wall on one core

export default async function run(sc) {
  const dev = sc.boot();
  startServing(dev);
  dev.send("\x03\r\n");
  dev.run(100 * MS);
  let a = dev.request("info");
  let got = null;
  try { got = a.wait(2 * S); } catch { got = null; }
  sc.check(!!(got && got.ok), "a line holding one 0x03 byte: the device keeps serving (info answered)");
  dev.send('\x03\x03{"id":500,"cmd":"gate"}\n');
  dev.run(100 * MS);
  const g = dev.frames.find((x) => x.f.id === 500 || (x.f.err && x.at > a.sentAt));
  sc.note(`answer to "\\x03\\x03{gate}": ${g ? g.line : "none"}`);
  try { got = dev.call("info", {}, 2 * S); } catch { got = null; }
  sc.check(!!(got && got.ok), "0x03 bytes inside a line: the device keeps serving (info answered)");
  checkClean(sc, dev);
  let how = null;
  try { how = toRepl(dev); } catch (e) { sc.note(String(e.message).slice(0, 200)); }
  sc.check(how === "repl request", `{"cmd":"repl"} is answered ok and the plain REPL's >>> prompt follows (got there by ${how || "nothing"})`);
  if (how) {
    const mark = dev.rxLog.length;
    dev.send("print(6*7)\r\n");
    try { dev.waitFor(() => /\r\n42\r\n/.test(dev.rxLog.slice(mark)), 2 * S, "42"); } catch { /* below */ }
    sc.check(/\r\n42\r\n/.test(dev.rxLog.slice(mark)), `the plain REPL runs print(6*7) (saw ${JSON.stringify(dev.rxLog.slice(mark).slice(-80))})`);
  }
}

await standalone(import.meta.url, "ctrl-c", run);
