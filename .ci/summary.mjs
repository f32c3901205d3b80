// Prints the closing line CI reads ("N passed, N failed") from vitest's JSON report.
// The type check runs before vitest (npm test); if it failed there is no report, and
// the failed type check is counted as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 1);
const report = 'test-results/vitest.json';
if (!existsSync(report)) {
  console.log('No test report: the type check or the test runner failed before any test ran.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const r = JSON.parse(readFileSync(report, 'utf8'));
const passed = r.numPassedTests ?? 0;
// Suites that failed to load count as failures too.
const failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0) + (status !== 0 && !r.numFailedTests ? 1 : 0);
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
if (passed === 0) {
  console.log('No test passed: CI treats an empty run as a failure.');
  console.log(`0 passed, ${Math.max(1, failed)} failed`);
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
