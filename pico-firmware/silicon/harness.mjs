// harness.mjs - the track firmware on the real MicroPython rp2 port in an emulated RP2040,
// with what the emulator kit's `Pico` class lacks: a flash image prepared once and booted
// straight into main.py, hard resets (watchdog / machine.reset()) as real chip resets, a USB
// host that can stop reading, protocol helpers, a race driver placing GPIO edges at exact
// emulated nanoseconds, and PASS / FAIL / METRIC reporting.
//
// The kit (pico.mjs, firmware.bin, bootrom-b1.bin, rp2040js in node_modules, mpy-cross) is
// found in the folder named by the environment variable RP2_KIT (or --kit DIR). It is a test
// aid kept outside this project; SiliconTest prepares such a folder under the build directory.
import { readFileSync, writeFileSync, readdirSync, mkdtempSync, existsSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join, dirname, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";

export const HERE = dirname(fileURLToPath(import.meta.url));
export const MS = 1e6, US = 1e3, S = 1e9;

// -- command line / environment --------------------------------------------------------------
export function parseArgs(argv = process.argv.slice(2)) {
  const args = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) { args._.push(a); continue; }
    const eq = a.indexOf("=");
    if (eq > 0) { args[a.slice(2, eq)] = a.slice(eq + 1); continue; }
    const next = argv[i + 1];
    if (next === undefined || next.startsWith("--")) args[a.slice(2)] = true;
    else { args[a.slice(2)] = next; i++; }
  }
  return args;
}
export const ARGS = parseArgs();

export const KIT = resolve(ARGS.kit || process.env.RP2_KIT || "");
if (!KIT || !existsSync(join(KIT, "pico.mjs"))) {
  console.error(`no emulator kit: set RP2_KIT (or --kit DIR) to a folder holding pico.mjs, firmware.bin, `
    + `bootrom-b1.bin and node_modules/rp2040js (SiliconTest prepares one under the build directory)`);
  process.exit(2);
}
const { Pico } = await import(pathToFileURL(join(KIT, "pico.mjs")).href);
export const FIRMWARE_BIN = join(KIT, "firmware.bin");
export const BOOTROM = join(KIT, "bootrom-b1.bin");
export const SRC = resolve(ARGS.src || process.env.FIRMWARE_SRC || join(HERE, "..", "src"));
export const VERBOSE = !!(ARGS.verbose || process.env.SILICON_VERBOSE);
export const LONG = !!(ARGS.long || process.env.SILICON_LONG);
const WALL_LIMIT_S = Number(process.env.SILICON_WALL_LIMIT_S || 420);

class ResetSignal extends Error {
  constructor(reason) { super("chip reset"); this.reason = reason; }
}

const WATCHDOG_BASE = 0x40058;

// -- the chip: the kit's Pico, plus hooks ------------------------------------------------------
function newChip(flash, { eraseNs, programNs }) {
  const p = new Pico({ firmware: FIRMWARE_BIN, bootrom: BOOTROM, eraseNs, programNs });
  if (flash) p.mcu.flash.set(flash, 0);
  return p;
}

// -- the device: a chip that survives resets, seen from a USB host -------------------------------
export class Device {
  // flash: the flash image (Buffer, up to 16 MiB) the chip powers up with.
  constructor({ flash, eraseMs = 0, programMs = 0, name = "device", verbose = VERBOSE } = {}) {
    this.opts = { eraseNs: eraseMs * MS, programNs: programMs * MS };
    this.name = name;
    this.verbose = verbose;
    this.base = 0;                 // emulated ns of the earlier chips (time before the last reset)
    this.level = new Array(30).fill(1);
    this.resets = 0;
    this.resetLog = [];            // {at, kind: "watchdog"|"force"|"power", scratch}
    this.enumerations = 0;
    this.enumeratedAt = [];
    this.paused = false;
    this.held = [];                // IN transfers of the CDC data endpoint the host has not taken
    this.frames = [];              // {at, f, line}: every whole JSON object line received
    this.junk = [];                // {at, line}: every other non-empty line received
    this.keepRx = false;           // true while the kit's raw-REPL helpers read the chip's rx
    this.cut = [];                 // partial lines cut off by a reset
    this.partial = "";
    this.rxLog = "";               // every received byte as text (tail kept)
    this.nextId = 1;
    this.flashOps = { erase: 0, program: 0 };
    this.wall0 = Date.now();
    this._power(flash, null);
  }

  get ns() { return this.base + this.chip.ns; }
  get ms() { return this.ns / MS; }
  t() { return `${(this.ns / MS).toFixed(3)} ms`; }
  get connected() { return this.chip.connected; }

  _power(flash, carry) {
    const chip = newChip(flash, this.opts);
    this.chip = chip;
    this.chipFlashOps0 = { erase: 0, program: 0 };
    for (let i = 0; i < this.level.length; i++) if (this.level[i] !== 1) chip.setPin(i, this.level[i]);
    const wd = chip.mcu.peripherals[WATCHDOG_BASE];
    if (carry) {
      // SCRATCH0..7 and REASON survive a watchdog reset on real silicon (not a power cycle).
      wd.scratchData.set(carry.scratch);
      wd.reason = carry.reason;
    }
    // rp2040js calls onWatchdogTrigger for a watchdog timeout and for CTRL.TRIGGER
    // (machine.reset() -> watchdog_reboot): unwind out of the CPU loop and rebuild the chip.
    wd.onWatchdogTrigger = () => { throw new ResetSignal(wd.reason === 1 ? "watchdog" : "force"); };
    const cdc = chip.cdc;
    const onConn = cdc.onDeviceConnected;
    cdc.onDeviceConnected = () => {
      onConn();
      this.enumerations++;
      this.enumeratedAt.push(this.ns);
      if (this.verbose) console.log(`  .. ${this.t()} USB CDC enumerated (#${this.enumerations})`);
    };
    const onData = cdc.onSerialData;
    cdc.onSerialData = (buf) => {
      if (this.keepRx) onData(buf);  // the kit's raw-REPL helpers read chip.rx
      this._rxLog(buf);
      this._onBytes(buf);
    };
    // A host that stops reading: hold the CDC IN endpoint's completed transfers (the device
    // sees its buffer still busy, so its TX FIFO fills) and keep their bytes until resume.
    const usb = chip.mcu.usbCtrl;
    const ready = usb.indicateBufferReady.bind(usb);
    this._ready = ready;
    usb.indicateBufferReady = (ep, out) => {
      if (!out && this.paused && cdc.initialized && ep === cdc.inEndpoint) {
        this.held.push(["ready", ep]);
        return;
      }
      ready(ep, out);
    };
    const write = usb.onEndpointWrite;
    this._write = write;
    usb.onEndpointWrite = (ep, buf) => {
      if (cdc.initialized && ep === cdc.inEndpoint && (this.paused || this.held.length)) {
        this.held.push(["data", ep, buf]);
        return;
      }
      write(ep, buf);
    };
  }

  _rxLog(buf) {
    this.rxLog += Buffer.from(buf).toString("latin1");
    if (this.rxLog.length > 400000) this.rxLog = this.rxLog.slice(-200000);
  }

  _reset(sig) {
    const old = this.chip;
    const wd = old.mcu.peripherals[WATCHDOG_BASE];
    const scratch = Uint32Array.from(wd.scratchData);
    this.flashOps.erase += old.flashOps.erase;
    this.flashOps.program += old.flashOps.program;
    const at = this.ns;
    this.base += old.ns;
    this.resets++;
    this.resetLog.push({ at, kind: sig.reason, scratch: [...scratch] });
    if (this.partial) { this.cut.push({ at: this.ns, line: this.partial }); this.partial = ""; }
    this.held = [];
    console.log(`  .. ${(at / MS).toFixed(3)} ms chip reset (${sig.reason}); USB disconnects`);
    // Only the flash contents, the watchdog scratch registers and the wires carry over.
    this._power(old.mcu.flash, { scratch, reason: wd.reason });
  }

  powerCycle(offNs = 50 * MS) {
    // Unplug and plug in again: flash survives, the scratch registers do not.
    const old = this.chip;
    this.flashOps.erase += old.flashOps.erase;
    this.flashOps.program += old.flashOps.program;
    if (this.partial) { this.cut.push({ at: this.ns, line: this.partial }); this.partial = ""; }
    const at = this.ns;
    this.base += old.ns + offNs;
    this.held = [];
    this.resetLog.push({ at, kind: "power" });
    console.log(`  .. ${this.t()} power cycle`);
    this._power(old.mcu.flash, null);
  }

  get totalFlashOps() {
    return { erase: this.flashOps.erase + this.chip.flashOps.erase,
             program: this.flashOps.program + this.chip.flashOps.program };
  }

  get flashLog() { return this.chip.flashLog.map(([a, b, k]) => [a + this.base, b + this.base, k]); }

  // -- time --------------------------------------------------------------------------------
  runUntil(target) {
    while (this.ns < target) {
      if (Date.now() - this.wall0 > WALL_LIMIT_S * 1000) {
        throw new Error(`wall-clock limit of ${WALL_LIMIT_S} s reached at ${this.t()} emulated`);
      }
      try {
        this.chip.runUntil(Math.min(target, this.ns + 50 * MS) - this.base);
      } catch (e) {
        if (e instanceof ResetSignal) this._reset(e);
        else throw e;
      }
    }
  }

  run(ns) { this.runUntil(this.ns + ns); }

  waitFor(pred, maxNs, what = "condition", sliceNs = 100 * US) {
    const t0 = this.ns;
    this.pump();
    while (!pred()) {
      if (this.ns - t0 > maxNs) {
        throw new Error(`timeout after ${(maxNs / MS).toFixed(0)} ms emulated waiting for ${what}; `
          + `last output: ${JSON.stringify(this.rxLog.slice(-300))}`);
      }
      this.run(sliceNs);
      this.pump();
    }
    return this.ns - t0;
  }

  waitEnumerated(maxNs = 5 * S) {
    const n = this.enumerations;
    if (this.connected) return 0;
    return this.waitFor(() => this.enumerations > n || this.connected, maxNs, "USB enumeration", 1 * MS);
  }

  waitForReset(maxNs = 5 * S) {
    const n = this.resets;
    this.waitFor(() => this.resets > n, maxNs, "a chip reset", 1 * MS);
    this.waitEnumerated();
    return this.resetLog.at(-1);
  }

  // -- wires -------------------------------------------------------------------------------
  setPin(n, level) {
    level = level ? 1 : 0;
    this.level[n] = level;
    this.chip.setPin(n, level);
  }

  // Apply [ns, fn] actions at their exact emulated times (fn(dev) sets pins, sends lines).
  // Returns how late (ns) the latest action was applied (> 0 when the CPU was mid-instruction
  // or the device stalled the clock, e.g. during a modelled flash erase).
  schedule(actions) {
    actions = [...actions].sort((a, b) => a[0] - b[0]);
    let late = 0;
    for (const [at, fn] of actions) {
      if (this.ns < at) this.runUntil(at);
      late = Math.max(late, this.ns - at);
      fn(this);
    }
    return late;
  }

  // -- the USB host -------------------------------------------------------------------------
  send(data) {
    if (this.verbose) console.log(`  -> ${this.t()} ${JSON.stringify(String(data)).slice(0, 200)}`);
    this.chip.send(data);
  }

  pauseReading() {
    this.paused = true;
    if (this.verbose) console.log(`  .. ${this.t()} host stops reading`);
  }

  resumeReading() {
    this.paused = false;
    const held = this.held;
    this.held = [];
    if (this.verbose) console.log(`  .. ${this.t()} host reads again (${held.length} held transfers)`);
    for (const h of held) if (h[0] === "data") this._write(h[1], h[2]);
    for (const h of held) if (h[0] === "ready") this._ready(h[1], false);
  }

  // Bytes the host read from the device, split into lines as they arrive (exact arrival times).
  _onBytes(buf) {
    this.partial += Buffer.from(buf).toString("latin1");
    let i;
    while ((i = this.partial.indexOf("\n")) >= 0) {
      const raw = this.partial.slice(0, i);
      this.partial = this.partial.slice(i + 1);
      const line = Buffer.from(raw.replace(/\r$/, ""), "latin1").toString("utf8");
      if (!line.trim()) continue;
      let f = null;
      try { f = JSON.parse(line); } catch { f = null; }
      if (f && typeof f === "object" && !Array.isArray(f)) {
        this.frames.push({ at: this.ns, f, line, crlf: raw.endsWith("\r") });
        if (this.verbose) console.log(`  <- ${this.t()} ${line.slice(0, 300)}`);
      } else {
        this.junk.push({ at: this.ns, line });
        if (!this.quietJunk) console.log(`  <- ${this.t()} (not a JSON object) ${JSON.stringify(line.slice(0, 300))}`);
      }
    }
  }

  pump() { if (!this.keepRx) this.chip.rx = []; }

  request(cmd, fields = {}) {
    const id = fields.id ?? this.nextId++;
    const line = JSON.stringify({ id, cmd, ...fields });
    const sentAt = this.ns;
    this.send(line + "\n");
    return { id, sentAt, wait: (maxNs = 3 * S) => this.answer(id, maxNs, sentAt) };
  }

  answer(id, maxNs = 3 * S, sentAt = this.ns) {
    let got;
    this.waitFor(() => (got = this.frames.find((x) => x.f.id === id)) !== undefined, maxNs, `the answer to request ${id}`);
    return { ...got.f, at: got.at, rttMs: (got.at - sentAt) / MS };
  }

  call(cmd, fields = {}, maxNs = 3 * S) { return this.request(cmd, fields).wait(maxNs); }

  // Send a request again every `everyNs` until answered (a device that is booting or resetting).
  callRetry(cmd, fields = {}, maxNs = 20 * S, everyNs = 1 * S) {
    const t0 = this.ns;
    const ids = [];
    for (;;) {
      if (this.connected) ids.push(this.request(cmd, fields).id);
      const until = Math.min(this.ns + everyNs, t0 + maxNs);
      let got;
      try {
        this.waitFor(() => (got = this.frames.find((x) => ids.includes(x.f.id))) !== undefined, until - this.ns, cmd);
        return { ...got.f, at: got.at };
      } catch (e) {
        if (this.ns - t0 >= maxNs) throw e;
      }
    }
  }

  frame(pred, maxNs = 3 * S, what = "a frame") {
    let got;
    // pred(frame object) -> the first matching {at, f, line}
    this.waitFor(() => (got = this.frames.find((x) => pred(x.f))) !== undefined, maxNs, what);
    return got;
  }

  framesSince(t0, pred = () => true) { return this.frames.filter((x) => x.at >= t0 && pred(x.f)); }
  events(sub, since = 0) { return this.frames.filter((x) => x.at >= since && x.f.sub === sub && x.f.event).map((x) => x.f); }
}

// -- flash images ----------------------------------------------------------------------------
// Module sources to put on flash: every src/*.py, or .mpy (mpy-cross -march=armv6m) for every
// module but main.py and boot.py.
export function firmwareFiles(src = SRC, mpy = false) {
  const names = readdirSync(src).filter((n) => n.endsWith(".py")).sort();
  const out = [];
  let dir = null;
  for (const n of names) {
    if (!mpy || n === "main.py" || n === "boot.py") { out.push([n, readFileSync(join(src, n))]); continue; }
    dir = dir || mkdtempSync(join(tmpdir(), "silicon-mpy-"));
    const m = n.replace(/\.py$/, ".mpy");
    execFileSync(mpyCross(), ["-march=armv6m", "-o", join(dir, m), join(src, n)]);
    out.push([m, readFileSync(join(dir, m))]);
  }
  return out;
}

export function mpyCross() {
  for (const p of [process.env.RP2_MPY_CROSS, join(KIT, "mpy-cross")]) if (p && existsSync(p)) return p;
  return "mpy-cross";
}

// Boot a blank chip once, copy the files with the raw REPL, save the flash image.
export function prepareImage(files, outPath) {
  const w0 = Date.now();
  const p = newChip(null, { eraseNs: 0, programNs: 0 });
  p.boot(10 * S);
  p.enterRawRepl();
  let bytes = 0;
  const c0 = p.ns;
  for (const [n, data] of files) { p.putFile(n, data); bytes += data.length; }
  const listing = p.exec("import os; print(sorted(os.listdir()))").trim();
  // The flash image without its erased (0xFF) tail: the 2 MB of a Pico at most, not 16 MiB.
  const flash = p.mcu.flash;
  let end = flash.length;
  while (end > 0 && flash[end - 1] === 0xff) end--;
  writeFileSync(outPath, flash.subarray(0, (end + 0xfff) & ~0xfff));
  const info = { files: files.length, bytes, copyMs: Math.round((p.ns - c0) / MS), wallS: (Date.now() - w0) / 1000, listing };
  // RAM as fwtest.mjs measures it, on the throwaway chip (the image is saved already).
  try {
    const ram = p.exec([
      "import gc", "gc.collect(); f0 = gc.mem_free()",
      "import config, device, usb_link", "gc.collect(); f1 = gc.mem_free()",
      "dev = device.Device(config.load(), usb_link.UsbLink())", "gc.collect(); f2 = gc.mem_free()",
      "print(f0, f1, f2)"].join("\n"), 20 * S).trim().split(" ").map(Number);
    Object.assign(info, { ramFreeBeforeImport: ram[0], ramFreeAfterImport: ram[1], ramFreeAfterDevice: ram[2] });
  } catch (e) {
    info.ramError = String(e.message).split("\n")[0].slice(0, 200);
  }
  return info;
}

export function sha256(data) { return createHash("sha256").update(data).digest("hex"); }

// The flash images the scenarios boot: IMAGE_DIR/flash-py.img and flash-mpy.img (made by
// `node run.mjs prepare --out DIR`, or on demand into a temporary folder).
let imageDir = ARGS.images || process.env.SILICON_IMAGES || null;
export function images() {
  if (!imageDir || !existsSync(join(imageDir, "flash-py.img"))) {
    imageDir = imageDir || mkdtempSync(join(tmpdir(), "silicon-img-"));
    prepareAll(imageDir);
  }
  return { py: join(imageDir, "flash-py.img"), mpy: join(imageDir, "flash-mpy.img"), dir: imageDir };
}

export function prepareAll(dir) {
  mkdirSync(dir, { recursive: true });
  const res = {};
  for (const [kind, mpy] of [["py", false], ["mpy", true]]) {
    const files = firmwareFiles(SRC, mpy);
    files.push(["inject.py", Buffer.from(INJECT_PY)]);
    res[kind] = prepareImage(files, join(dir, `flash-${kind}.img`));
    console.log(`prepared flash-${kind}.img: ${res[kind].files} files, ${res[kind].bytes} bytes, copied in `
      + `${res[kind].copyMs} ms emulated, ${res[kind].wallS.toFixed(1)} s wall`);
  }
  writeFileSync(join(dir, "prepare.json"), JSON.stringify(res));
  return res;
}

// A module kept on every image for the fault scenarios (never imported by the firmware): it
// patches the firmware's classes when imported before main.main() runs.
export const INJECT_PY = `# inject.py - test aid: makes the firmware's main loop fail once (see silicon/).
import device
_orig = device.Device.poll
_n = [0]
MODE = "memory"


def _poll(self):
    _n[0] += 1
    if _n[0] == 50:
        if MODE == "hang":  # stuck (sleeping, so the emulator idles through it)
            import time
            while True:
                time.sleep_ms(1000)
        raise MemoryError("injected by inject.py")
    return _orig(self)


device.Device.poll = _poll
`;

export function bootDevice(opts = {}) {
  const img = images();
  const flash = readFileSync(opts.mpy ? img.mpy : img.py);
  return new Device({ flash, ...opts });
}

// -- scenario reporting ------------------------------------------------------------------------
export class Scenario {
  constructor(name) {
    this.name = name;
    this.failures = 0;
    this.checks = 0;
    this.metrics = { scenario: name };
  }
  check(ok, what) {
    this.checks++;
    console.log(`${ok ? "PASS" : "FAIL"} ${this.name}: ${what}`);
    if (!ok) this.failures++;
    return ok;
  }
  note(text) { console.log(`  ${text}`); }
  metric(key, value) { this.metrics[key] = value; }
}

// -- the protocol around a booted device ---------------------------------------------------------
// Power up, wait for USB, send `info` until answered. Returns {info, bootMs, bootLine}.
export function startServing(dev, maxNs = 15 * S) {
  const t0 = dev.ns;
  dev.waitEnumerated(5 * S);
  const info = dev.callRetry("info", {}, maxNs, 2 * S);
  const bootLine = dev.frames.find((x) => x.f.boot !== undefined && x.f.id === undefined);
  return { info, bootMs: (info.at - t0) / MS, bootLine: bootLine ? bootLine.f : null };
}

export function config(dev) { return dev.call("config_get").ok; }

// A race. plan: {lane: µs after the gate | null (DNF)}. Options:
//   bounce: {lane: [[µs after the close, level], ...]}   contact chatter after the close
//   hold: µs a car keeps its lane blocked (default 3000)
//   glitch: [[lane, µs after the gate, width ns]]         a short spike on a lane
//   noise: [pin, half period µs, from µs, to µs]          an unused pin toggling
//   sends: (g0) => [[ns, text]]                           host lines at exact times
//   at: (g0) => [[ns, fn]]                                any other action
//   lanes: "1234"                                         the lanes to arm (default: the plan's)
//   waitNs: how long to wait for the wait_race answer after the last edge
export function race(dev, cfg, plan, opts = {}) {
  const GATE = cfg.gate_pin, LANES = cfg.lane_pins;
  const READY = cfg.gate_invert ? 1 : 0;
  const blocked = cfg.lane_invert ? 1 : 0;
  dev.setPin(GATE, READY);
  dev.run(20 * MS);
  const lanes = opts.lanes || Object.keys(plan).sort().join("");
  const w = dev.request("wait_race", { lanes });
  dev.run(15 * MS);
  const early = dev.frames.find((x) => x.f.id === w.id);
  if (early) return { res: early.f, got: null, errors: {}, worst: Infinity, late: 0 };
  const g0 = dev.ns + 1 * MS + (opts.phaseNs || 0);
  const act = [[g0, (d) => d.setPin(GATE, 1 - READY)]];
  let last = g0;
  for (const [lane, off] of Object.entries(plan)) {
    if (off == null) continue;
    const pin = LANES[Number(lane) - 1];
    const tc = g0 + Math.round(off * US);
    act.push([tc, (d) => d.setPin(pin, blocked)]);
    for (const [dt, lvl] of (opts.bounce && opts.bounce[lane]) || []) {
      act.push([tc + dt * US, (d) => d.setPin(pin, lvl ? 1 - blocked : blocked)]);
    }
    const rel = tc + (opts.hold || 3000) * US;
    act.push([rel, (d) => d.setPin(pin, 1 - blocked)]);
    last = Math.max(last, rel);
  }
  for (const [lane, atUs, widthNs] of opts.glitch || []) {
    const pin = LANES[Number(lane) - 1];
    act.push([g0 + atUs * US, (d) => d.setPin(pin, blocked)]);
    act.push([g0 + atUs * US + widthNs, (d) => d.setPin(pin, 1 - blocked)]);
  }
  if (opts.noise) {
    const [pin, halfUs, from, to] = opts.noise;
    let lvl = 0;
    for (let u = from; u < to; u += halfUs) { const l = lvl; act.push([g0 + u * US, (d) => d.setPin(pin, l)]); lvl ^= 1; }
    act.push([g0 + to * US, (d) => d.setPin(pin, 1)]);
  }
  for (const [at, text] of opts.sends ? opts.sends(g0) : []) act.push([at, (d) => d.send(text)]);
  for (const a of opts.at ? opts.at(g0) : []) act.push(a);
  const late = dev.schedule(act);
  const res = dev.answer(w.id, opts.waitNs || 15 * S, w.sentAt);
  const got = res.ok ? res.ok.times_us || {} : null;
  const errors = {};
  let worst = 0;
  for (const [lane, off] of Object.entries(plan)) {
    if (off == null) {
      errors[lane] = got && got[lane] !== undefined ? "time for a DNF lane" : null;
      if (errors[lane]) worst = Infinity;
      continue;
    }
    const g = got ? got[lane] : undefined;
    const e = g === undefined ? NaN : g - off;
    errors[lane] = e;
    worst = Math.max(worst, Number.isNaN(e) ? Infinity : Math.abs(e));
  }
  dev.setPin(GATE, READY);
  return { res, got, errors, worst, late, g0, id: w.id };
}

export function describeRace(name, plan, r) {
  const rows = Object.entries(plan).map(([lane, off]) => {
    const g = r.got ? r.got[lane] : undefined;
    const e = r.errors[lane];
    return `L${lane} ${off == null ? "DNF" : off} -> ${g === undefined ? "-" : g}`
      + (typeof e === "number" && !Number.isNaN(e) ? ` (${e >= 0 ? "+" : ""}${e})` : "");
  });
  const extra = r.res && r.res.err ? ` answer: ${JSON.stringify(r.res)}` : "";
  return `${name}: ${rows.join("; ")}${r.late > 1000 ? `; edges applied up to ${(r.late / 1000).toFixed(0)} µs late` : ""}${extra}`;
}

// Every line was a whole JSON object (no half frames, no tracebacks, no REPL chatter).
export function checkClean(sc, dev, what = "every line from the device is a whole JSON object") {
  dev.pump();
  sc.check(dev.junk.length === 0, `${what}${dev.junk.length ? ` (${dev.junk.length} other lines, first: ${JSON.stringify(dev.junk[0].line.slice(0, 120))})` : ""}`);
}

export function fmtUs(x) { return typeof x === "number" ? (Number.isFinite(x) ? String(x) : "∞") : String(x); }

// -- running scenarios ---------------------------------------------------------------------------
// Each scenario prints "=== SCENARIO name", its PASS / FAIL lines, one "METRIC {json}" line and
// "=== END name PASS|FAIL"; SiliconTest turns each block into one JUnit test.
export async function runScenario(name, fn) {
  const sc = new Scenario(name);
  const devices = [];
  sc.boot = (opts = {}) => { const d = bootDevice({ name, ...opts }); devices.push(d); return d; };
  console.log(`=== SCENARIO ${name}`);
  const w0 = Date.now();
  try {
    await fn(sc);
    if (sc.checks === 0) sc.check(false, "the scenario checked nothing");
  } catch (e) {
    sc.check(false, `stopped: ${String(e && e.stack || e).split("\n").slice(0, 4).join(" | ").slice(0, 900)}`);
  }
  const emu = devices.reduce((a, d) => a + d.ns, 0);
  sc.metric("emulated_s", Number((emu / S).toFixed(3)));
  sc.metric("wall_s", Number(((Date.now() - w0) / 1000).toFixed(1)));
  sc.metric("passed", sc.failures === 0);
  console.log(`METRIC ${JSON.stringify(sc.metrics)}`);
  console.log(`=== END ${name} ${sc.failures ? "FAIL" : "PASS"} (${sc.failures} of ${sc.checks} checks failed; `
    + `${(emu / S).toFixed(2)} s emulated in ${((Date.now() - w0) / 1000).toFixed(1)} s wall)`);
  return sc.failures === 0;
}

// At the bottom of a scenario file: run it when the file is the Node entry point.
export async function standalone(url, name, fn) {
  if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(url)) {
    const ok = await runScenario(name, fn);
    process.exit(ok ? 0 : 1);
  }
}

// -- the plain REPL and updates ------------------------------------------------------------------
// Leave the protocol for the friendly REPL: the `repl` request, or (a firmware without it)
// Ctrl-C. Returns how it got there. Lines after this are REPL text, not protocol frames.
export function toRepl(dev) {
  let r = null;
  try { r = dev.call("repl", {}, 2 * S); } catch { r = null; }
  dev.quietJunk = true;
  let how = "repl request";
  if (!(r && r.ok)) {
    how = `Ctrl-C (the repl request was answered ${r ? JSON.stringify(r).slice(0, 120) : "not at all"})`;
    dev.send("\x03\x03");
  }
  dev.run(300 * MS);
  if (!dev.connected) dev.waitEnumerated(5 * S);
  const mark = dev.rxLog.length;
  dev.send("\r\n");
  dev.waitFor(() => dev.rxLog.slice(Math.max(0, mark - 10)).includes(">>> "), 5 * S, "the >>> prompt", 1 * MS);
  return how;
}

// Type one line at the friendly REPL (it echoes it).
export function typeLine(dev, line) {
  dev.send(line + "\r\n");
  dev.waitFor(() => dev.rxLog.includes(line), 2 * S, "the REPL's echo", 1 * MS);
}

// The source file holding the firmware's version string "rallylab-pico X.Y.Z", and X.Y.Z.
export function versionFile(src = SRC) {
  for (const n of readdirSync(src).filter((x) => x.endsWith(".py")).sort()) {
    const text = readFileSync(join(src, n), "utf8");
    const m = text.match(/"rallylab-pico ([0-9][^"]*)"/);
    if (m) return { name: n, text, version: m[1] };
  }
  throw new Error(`no "rallylab-pico X.Y.Z" string in ${src}/*.py`);
}

// update_begin, update_chunk one at a time (each answered before the next), update_commit.
// files: [[name, Buffer]]. Returns {commit, begin, ms, chunks}.
export function sendUpdate(dev, version, files, maxNs = 20 * S) {
  const t0 = dev.ns;
  const begin = dev.call("update_begin", { version, files: files.map(([name, data]) => ({ name, size: data.length, sha256: sha256(data) })) }, maxNs);
  if (!begin.ok) return { begin, commit: null, ms: 0, chunks: 0 };
  const { session, chunk_size: cs } = begin.ok;
  let chunks = 0;
  for (const [name, data] of files) {
    for (let off = 0; off < data.length; off += cs) {
      const a = dev.call("update_chunk", { session, name, offset: off, data: data.subarray(off, off + cs).toString("base64") }, maxNs);
      chunks++;
      if (!a.ok) return { begin, commit: a, ms: (dev.ns - t0) / MS, chunks };
    }
  }
  const commit = dev.call("update_commit", { session }, maxNs);
  return { begin, commit, ms: (dev.ns - t0) / MS, chunks };
}
