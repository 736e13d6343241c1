// Prints one plain closing line ("Tests: N passed, N failed, N skipped") after jest's own summary,
// so CI can read the result without parsing jest's formatted output.
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(
      `\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
    );
  }
}
module.exports = SummaryLineReporter;
