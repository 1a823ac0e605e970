// smoke.mjs - the simulator's own smoke test, in real time: it starts sim/run.mjs as a host
// would (stdin/stdout), races with --auto and compares the times with --times-log, drives a
// race over the TCP control channel, updates the firmware in band (the simulator restarts it
// in-process) and checks --report-protocol. Exit 0 when all is well.
//   node sim/smoke.mjs
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { connect } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const HERE = dirname(fileURLToPath(import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "rallylab-sim-"));

const running = [];

class Sim {
  constructor(args) {
    running.push(this);
    this.proc = spawn(process.execPath, [join(HERE, "run.mjs"), ...args], { stdio: ["pipe", "pipe", "pipe"] });
    this.frames = [];
    this.waiters = [];
    this.stderr = "";
    this.proc.stderr.on("data", (d) => { this.stderr += d; });
    createInterface({ input: this.proc.stdout }).on("line", (line) => {
      const f = JSON.parse(line); // every line must be JSON
      this.frames.push(f);
      this.waiters = this.waiters.filter((w) => !w(f));
    });
    this.next = 1;
  }

  frame(pred, what, ms = 15000) {
    const found = this.frames.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}\nstderr:\n${this.stderr}`)), ms);
      this.waiters.push((f) => (pred(f) ? (clearTimeout(t), resolve(f), true) : false));
    });
  }

  send(cmd, args = {}) {
    const id = this.next++;
    this.proc.stdin.write(JSON.stringify({ id, cmd, ...args }) + "\n");
    return id;
  }

  async call(cmd, args = {}) {
    const id = this.send(cmd, args);
    const f = await this.frame((x) => x.id === id, `the answer to ${cmd}`);
    assert.ok("ok" in f, `${cmd} failed: ${JSON.stringify(f)}`);
    return f.ok;
  }

  async close() {
    this.proc.stdin.end();
    const code = await new Promise((r) => this.proc.on("exit", r));
    assert.equal(code, 0, `the simulator exits cleanly on stdin EOF\n${this.stderr}`);
  }
}

async function autoRaces() {
  const log = join(tmp, "times.jsonl");
  const sim = new Sim(["--auto", "42", "--speed", "20", "--dnf-rate", "0.3", "--timeout-ms", "4000",
    "--lanes", "6", "--times-log", log]);
  const info = await sim.call("info");
  assert.equal(info.protocol, "2.0");
  assert.equal(info.lane_count, 6);
  let after;
  const got = [];
  for (let i = 0; i < 4; i++) {
    got.push(await sim.call("wait_race", after ? { lanes: "123456", after } : { lanes: "123456" }));
    after = got[got.length - 1].race_id;
  }
  const planned = readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(planned.length, 4);
  for (let i = 0; i < 4; i++) {
    assert.equal(got[i].race_id, planned[i].race_id);
    assert.deepEqual(got[i].times_us, planned[i].times_us, "reported times equal the seeded times");
    for (const lane of planned[i].dnf) assert.ok(!(String(lane) in got[i].times_us), "DNF lane absent");
  }
  assert.equal(new Set(got.map((r) => r.race_id)).size, 4, "a new race id per race");
  await sim.close();
  return got;
}

async function controlChannel() {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const sim = new Sim(["--control", String(port), "--report-protocol", "1.0"]);
  assert.equal((await sim.call("info")).protocol, "1.0");
  for (let i = 0; i < 250 && !/control channel on/.test(sim.stderr); i++) await new Promise((r) => setTimeout(r, 20));
  const sock = connect(port, "127.0.0.1");
  const replies = [];
  createInterface({ input: sock }).on("line", (l) => replies.push(l));
  const race = sim.send("wait_race", { lanes: "2" });
  sock.write("gate open\nlane 2 at 2345678\n");
  const f = await sim.frame((x) => x.id === race, "the race");
  assert.deepEqual(f.ok.times_us, { 2: 2345678 });
  assert.deepEqual(replies, ["ok gate open", "ok lane 2 at 2345678 us after the gate opened"]);
  sock.end();
  await sim.close();
}

async function updateRestarts() {
  const sim = new Sim([]);
  const src = readFileSync(join(HERE, "..", "src", "device.py"));
  const data = Buffer.from(src.toString().replace(/FIRMWARE = "rallylab-pico [^"]*"/, 'FIRMWARE = "rallylab-pico 0.1.1"'));
  const sha256 = createHash("sha256").update(data).digest("hex");
  const { session, chunk_size } = await sim.call("update_begin",
    { version: "0.1.1", files: [{ name: "device.py", size: data.length, sha256 }] });
  for (let off = 0; off < data.length; off += chunk_size) {
    await sim.call("update_chunk", { session, name: "device.py", offset: off,
      data: data.subarray(off, off + chunk_size).toString("base64") });
  }
  assert.deepEqual(await sim.call("update_commit", { session }), { version: "0.1.1" });
  let info;
  for (let i = 0; i < 50; i++) {        // the firmware restarts; ask until the new one answers
    info = await sim.call("info");
    if (info.firmware.endsWith("0.1.1")) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(info.firmware, "rallylab-pico 0.1.1");
  assert.match(sim.stderr, /reset: starting the firmware again \(rallylab-pico 0\.1\.1\)/);
  await sim.close();
}

const t0 = Date.now();
try {
  const races = await autoRaces();
  console.log(`ok   auto races: ${races.length} races, times equal the seeded times`);
  await controlChannel();
  console.log("ok   control channel over TCP, --report-protocol");
  await updateRestarts();
  console.log("ok   in-band update, the reset restarts the firmware in-process");
  console.log(`sim smoke: 3 passed, 0 failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
} catch (e) {
  console.error(`FAIL ${e.stack || e}`);
  console.log("sim smoke: 0 passed, 1 failed");
  process.exitCode = 1;
} finally {
  for (const sim of running) if (sim.proc.exitCode === null) sim.proc.kill();
  rmSync(tmp, { recursive: true, force: true });
}
