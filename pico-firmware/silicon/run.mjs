// run.mjs - runs silicon scenarios (scenarios/*.mjs) in one Node process, each on a freshly
// powered-up emulated Pico booted from the prepared flash image.
//
//   RP2_KIT=DIR node run.mjs prepare --images DIR      make flash-py.img / flash-mpy.img once
//   RP2_KIT=DIR node run.mjs list                      scenario names and their cost weights
//   RP2_KIT=DIR node run.mjs [--images DIR] [--long] [--verbose] NAME...   (no NAME: all)
// Exit code 0 when every scenario passed.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ARGS, HERE, SRC, prepareAll, runScenario } from "./harness.mjs";

const dir = join(HERE, "scenarios");
const all = readdirSync(dir).filter((n) => n.endsWith(".mjs")).map((n) => n.slice(0, -4)).sort();
const cmd = ARGS._[0];

if (cmd === "prepare") {
  const out = ARGS.images || ARGS.out;
  if (!out) { console.error("usage: node run.mjs prepare --images DIR"); process.exit(2); }
  const w0 = Date.now();
  const res = prepareAll(out);
  const m = { scenario: "prepare", src: SRC, wall_s: Number(((Date.now() - w0) / 1000).toFixed(1)) };
  for (const [k, v] of Object.entries(res)) {
    m[`copy_ms_${k}`] = v.copyMs;
    m[`bytes_${k}`] = v.bytes;
    if (v.ramFreeAfterDevice !== undefined) {
      m[`ram_free_after_import_${k}`] = v.ramFreeAfterImport;
      m[`ram_free_after_device_${k}`] = v.ramFreeAfterDevice;
      m[`ram_used_by_modules_${k}`] = v.ramFreeBeforeImport - v.ramFreeAfterImport;
    } else m[`ram_error_${k}`] = v.ramError;
  }
  console.log(`METRIC ${JSON.stringify(m)}`);
  process.exit(0);
}

if (cmd === "list") {
  for (const n of all) {
    const mod = await import(pathToFileURL(join(dir, n + ".mjs")).href);
    console.log(`${n} ${mod.cost || 10}`);
  }
  process.exit(0);
}

const names = ARGS._.length ? ARGS._ : all;
let failed = 0;
for (const n of names) {
  if (!all.includes(n)) { console.log(`=== SCENARIO ${n}\nFAIL ${n}: no such scenario (have: ${all.join(", ")})\n=== END ${n} FAIL`); failed++; continue; }
  const mod = await import(pathToFileURL(join(dir, n + ".mjs")).href);
  if (!(await runScenario(n, mod.default))) failed++;
}
process.exit(failed ? 1 : 0);
