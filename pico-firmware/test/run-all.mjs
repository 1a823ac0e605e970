// run-all.mjs - runs every test/test_*.py in real MicroPython and prints a summary.
import { readdirSync } from "node:fs";
import { runTestFile } from "./run.mjs";
import { TEST_DIR } from "./mpenv.mjs";

const files = readdirSync(TEST_DIR).filter((f) => /^test_.*\.py$/.test(f)).sort();
let passed = 0;
let failed = 0;
const start = Date.now();
for (const f of files) {
  const t0 = Date.now();
  const r = await runTestFile(f);
  const m = /(\d+) passed, (\d+) failed/.exec(r.output.split("\n").filter((l) => / passed, /.test(l)).pop() || "");
  passed += m ? Number(m[1]) : 0;
  failed += m ? Number(m[2]) : 1;
  if (r.failed === 0) {
    console.log(`PASS ${f} (${m ? m[1] : "?"} tests, ${Date.now() - t0} ms)`);
  } else {
    console.log(`FAIL ${f}\n${r.output}`);
  }
}
console.log(`${files.length} files, ${((Date.now() - start) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
