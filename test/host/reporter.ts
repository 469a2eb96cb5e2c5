import { appendFileSync } from 'node:fs';
import type * as Mocha from 'mocha';
import { RESULTS_FILE_ENV, type ResultEvent } from '../support/results';

// A mocha reporter for the extension host: each event becomes one JSON line for the terminal runner, and a
// console line (which reaches the page console) for people debugging in a browser.
export function resultsReporter(runner: Mocha.Runner): void {
  const file = process.env[RESULTS_FILE_ENV];
  const write = (event: ResultEvent): void => {
    if (file) appendFileSync(file, `${JSON.stringify(event)}\n`);
    console.log(`[host-test] ${JSON.stringify(event)}`);
  };
  let passes = 0;
  let failures = 0;
  let pending = 0;
  runner.on('start', () => write({ event: 'start', total: runner.total }));
  runner.on('pass', (test) => {
    passes++;
    write({ event: 'pass', title: test.fullTitle(), durationMs: test.duration });
  });
  runner.on('fail', (test, error: Error) => {
    failures++;
    write({
      event: 'fail',
      title: test.fullTitle(),
      error: `${error?.message ?? error}\n${error?.stack ?? ''}`.slice(0, 4000),
    });
  });
  runner.on('pending', (test) => {
    pending++;
    write({ event: 'pending', title: test.fullTitle() });
  });
  runner.on('end', () => write({ event: 'end', passes, failures, pending }));
}
