// run.mjs - the track controller on a PC: the unchanged firmware in MicroPython (WebAssembly)
// with a fake Pico. Its stdin/stdout is the USB serial line (one JSON frame per line); its
// own messages go to stderr. See ../README.md ("The simulator").
//
//   node sim/run.mjs [--lanes N] [--auto SEED] [--dnf-rate P] [--timeout-ms T] [--speed X]
//                    [--times-log FILE] [--control FILE_OR_PORT] [--report-protocol V] [--irq-us N]
import { appendFileSync, existsSync, openSync, readSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { randomInt } from "node:crypto";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startMicroPython, pythonErrorText } from "../test/mpenv.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: node sim/run.mjs [--lanes N] [--auto SEED] [--dnf-rate P] [--timeout-ms T] [--speed X]
                      [--times-log FILE] [--control FILE_OR_PORT] [--report-protocol V] [--irq-us N]`;

function parseArgs(argv) {
  const o = { irqUs: 25, lanes: 4, auto: null, dnfRate: 0, timeoutMs: null, speed: 1, timesLog: null, control: null, protocol: null };
  const num = (name, v, lo, hi, int) => {
    const n = Number(v);
    if (v === undefined || Number.isNaN(n) || n < lo || n > hi || (int && !Number.isInteger(n))) {
      die(`${name} needs ${int ? "a whole number" : "a number"} from ${lo} to ${hi}, not ${v === undefined ? "nothing" : JSON.stringify(v)}\n${USAGE}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    switch (a) {
      case "--lanes": o.lanes = num(a, v, 1, 8, true); i++; break;
      case "--auto": o.auto = num(a, v, 0, 2 ** 32 - 1, true); i++; break;
      case "--dnf-rate": o.dnfRate = num(a, v, 0, 1, false); i++; break;
      case "--timeout-ms": o.timeoutMs = num(a, v, 1000, 60000, true); i++; break;
      case "--speed": o.speed = num(a, v, 0.01, 1000, false); i++; break;
      case "--times-log": if (!v) die(`--times-log needs a file name\n${USAGE}`); o.timesLog = v; i++; break;
      case "--control": if (!v) die(`--control needs a file or a TCP port\n${USAGE}`); o.control = v; i++; break;
      case "--irq-us": o.irqUs = num(a, v, 0, 1000, true); i++; break;
      case "--report-protocol": if (!v) die(`--report-protocol needs a version such as 1.0\n${USAGE}`); o.protocol = v; i++; break;
      case "-h": case "--help": process.stderr.write(USAGE + "\n"); process.exit(0);
      default: die(`unknown option ${JSON.stringify(a)}\n${USAGE}`);
    }
  }
  return o;
}

function die(msg) {
  process.stderr.write(`[sim] ${msg}\n`);
  process.exit(2);
}

const log = (msg) => process.stderr.write(`[sim] ${msg}\n`);

// mulberry32: a small seeded generator, so --auto SEED plans the same races every run.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const opts = parseArgs(process.argv.slice(2));

// -- the serial line out ------------------------------------------------------------------
let blocked = false;
const simio = {
  write(text) {
    if (blocked) return false;
    if (!process.stdout.write(text + "\r\n")) blocked = true;  // CR LF, as the Pico ends its lines
    return true;
  },
  log(text) { log(text); },
};
process.stdout.on("drain", () => { blocked = false; tick(); });
process.stdout.on("error", () => process.exit(0)); // the host closed the line

// -- MicroPython with the firmware ------------------------------------------------------
let mp;
try {
  mp = await startMicroPython({
    stdout: (s) => process.stderr.write(`[firmware] ${s}\n`),
    stderr: (s) => process.stderr.write(`[firmware] ${s}\n`),
    helperDirs: [HERE],
  });
} catch (e) {
  die(e.message);
}
mp.registerJsModule("simio", simio);
mp.runPython(`import random\nrandom.seed(${randomInt(0, 2 ** 31 - 1)})`);  // race ids differ across restarts
const host = mp.pyimport("simhost");
mp.runPython(`import machine\nmachine.irq_cost_us = ${opts.irqUs}`);  // each pin interrupt runs ~25 us on a Pico
if (opts.protocol) host.protocol = opts.protocol;
function py(fn, ...args) {
  try {
    return host[fn](...args);
  } catch (e) {
    log(`firmware error in ${fn}: ${pythonErrorText(e)}`);
    process.exit(1);
  }
}
py("configure", opts.lanes, opts.timeoutMs || 0);
const firmware = py("boot");

// -- the clock: real time times --speed; planned edges get their exact instant ------------
const wall0 = performance.now();
let clockUs = 0;          // where the fake clock is (absolute µs since the simulated power-up)
const plan = [];          // [{at, gpio, level, race}] sorted by at
let gateOpenedAt = null;  // when the gate last opened (for "lane N at US")

const simNow = () => Math.floor((performance.now() - wall0) * 1000 * opts.speed);

function schedule(at, gpio, level, race = null) {
  plan.push({ at: Math.max(at, clockUs), gpio, level, race });
  plan.sort((a, b) => a.at - b.at);
}

function fire(at, gpio, level) {
  py("fire", at - clockUs, gpio, level);
  clockUs = at;
  if (gpio === py("gate_pin") && level === py("gate_level", false)) gateOpenedAt = at;
  py("step", 0);
  watch();
}

function tick() {
  const target = Math.max(simNow(), clockUs);
  while (plan.length && plan[0].at <= target) {
    const e = plan.shift();
    fire(e.at, e.gpio, e.level);
  }
  py("step", target - clockUs);
  clockUs = target;
  watch();
}

// -- auto mode: every armed race runs by itself ----------------------------------------
const rng = opts.auto === null ? null : seeded(opts.auto);
let seen = { phase: "IDLE", race: "-" };

function watch() {
  const [phase, race, lanes] = py("state").split(" ");
  if (phase === seen.phase && race === seen.race) return;
  const prev = seen;
  seen = { phase, race };
  if (!rng) return;
  if (phase === "ARMED" && race !== prev.race) planRace(race, lanes);
  if (phase === "IDLE" && prev.phase === "ARMED") {       // disarmed before the gate opened
    for (let i = plan.length - 1; i >= 0; i--) if (plan[i].race === prev.race) plan.splice(i, 1);
  }
  if (phase === "IDLE" && prev.phase === "RACING") {      // the operator raises the gate again
    schedule(clockUs + 300000, py("gate_pin"), py("gate_level", true));
  }
}

function planRace(race, lanes) {
  const gate = py("gate_pin");
  for (let i = plan.length - 1; i >= 0; i--) if (plan[i].gpio === gate) plan.splice(i, 1);
  let t = clockUs;
  if (!py("gate_ready")) {                       // the gate is still down: raise it first
    t += 10000;
    schedule(t, gate, py("gate_level", true), race);
  }
  const gateAt = t + 10000 + Math.floor(rng() * (t > clockUs ? 180000 : 190000));  // opens within 0.2 s
  schedule(gateAt, gate, py("gate_level", false), race);
  const timeout = py("timeout_us");
  const times = {};
  const dnf = [];
  for (const c of lanes) {
    const n = Number(c);
    const out = rng() < opts.dnfRate;
    const us = 2000000 + Math.floor(rng() * 1500001);                       // 2.0 .. 3.5 s
    if (out || us >= timeout) {
      dnf.push(n);
      continue;
    }
    times[c] = us;
    const pin = py("lane_pin", n);
    schedule(gateAt + us, pin, 0, race);
    schedule(gateAt + us + 3000, pin, 1, race);
  }
  if (opts.timesLog) appendFileSync(opts.timesLog, JSON.stringify({ race_id: race, times_us: times, dnf }) + "\n");
}

// -- the control channel --------------------------------------------------------------
function control(line) {
  const w = line.trim().split(/\s+/);
  if (!w[0] || w[0].startsWith("#")) return "";
  tick();
  if (w[0] === "gate" && (w[1] === "open" || w[1] === "close") && w.length === 2) {
    fire(clockUs, py("gate_pin"), py("gate_level", w[1] === "close"));
    return `ok gate ${w[1]}`;
  }
  if (w[0] === "lane" && (w.length === 2 || (w.length === 4 && w[2] === "at"))) {
    const n = Number(w[1]);
    const pin = Number.isInteger(n) ? py("lane_pin", n) : -1;
    if (pin < 0) return `error: lane ${w[1]} is not on this track`;
    let at = clockUs;
    if (w.length === 4) {
      const us = Number(w[3]);
      if (!Number.isInteger(us) || us < 0) return `error: "${w[3]}" is not a whole number of microseconds`;
      if (gateOpenedAt === null) return "error: the gate has not opened yet (send gate open first)";
      at = gateOpenedAt + us;
      if (at < clockUs) {
        log(`lane ${n} at ${us} us is already past: it triggers now (${clockUs - gateOpenedAt} us)`);
        at = clockUs;
      }
    }
    schedule(at, pin, 0);
    schedule(at + 3000, pin, 1);
    tick();
    return `ok lane ${n} at ${at - (gateOpenedAt ?? at)} us after the gate opened`;
  }
  if (w[0] === "pin" && w.length === 3) {
    const g = Number(w[1]);
    const level = Number(w[2]);
    if (!Number.isInteger(g) || g < 0 || g > 29 || (level !== 0 && level !== 1)) return "error: pin needs a GPIO 0-29 and a level 0 or 1";
    fire(clockUs, g, level);
    return `ok pin ${g} ${level}`;
  }
  if (w[0] === "help") return "commands: gate open | gate close | lane N | lane N at US | pin GPIO 0|1";
  return `error: unknown control command ${JSON.stringify(line.trim())} (try help)`;
}

function tailFile(path) {
  if (!existsSync(path)) writeFileSync(path, "");
  let offset = statSync(path).size;   // only lines written after the start count
  let rest = "";
  const buf = Buffer.alloc(65536);
  setInterval(() => {
    const size = statSync(path).size;
    if (size < offset) offset = 0;    // truncated: start over
    if (size === offset) return;
    const fd = openSync(path, "r");
    let n;
    while ((n = readSync(fd, buf, 0, buf.length, offset)) > 0) {
      offset += n;
      rest += buf.toString("utf8", 0, n);
    }
    const lines = rest.split("\n");
    rest = lines.pop();
    for (const l of lines) {
      const r = control(l);
      if (r) log(r);
    }
  }, 20).unref();
}

function listen(port) {
  const server = createServer((sock) => {
    createInterface({ input: sock, crlfDelay: Infinity }).on("line", (l) => {
      const r = control(l);
      if (r) sock.write(r + "\n");
    });
    sock.on("error", () => {});
  });
  server.on("error", (e) => die(`control port ${port}: ${e.message}`));
  server.listen(port, "127.0.0.1", () => log(`control channel on 127.0.0.1:${port}`));
  server.unref();
}

if (opts.control !== null) {
  if (/^\d+$/.test(opts.control)) listen(Number(opts.control));
  else {
    tailFile(opts.control);
    log(`control channel: lines appended to ${opts.control}`);
  }
}

// -- the serial line in ---------------------------------------------------------------
fire(0, py("gate_pin"), py("gate_level", true));   // the track at rest: gate up, ready
log(`${firmware} on a simulated ${opts.lanes}-lane track` +
    (rng ? `, auto races (seed ${opts.auto}, DNF rate ${opts.dnfRate})` : "") +
    (opts.speed !== 1 ? `, speed ${opts.speed}x` : "") + "; stdin/stdout is the serial line");
const timer = setInterval(tick, 1);
const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on("line", (line) => {
  tick();
  py("feed", line);
  watch();
});
input.on("close", () => {
  clearInterval(timer);
  tick();
  process.stdout.write("", () => process.exit(0));
});
