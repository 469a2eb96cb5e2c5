// The test index of the quiet-start window: a workspace without apprunner.yaml, workspace trust on and not
// granted. Its own window, because the main suite's window has long connected by the time a test could look.
import path from 'node:path';
import Mocha from 'mocha';
import { resultsReporter } from '../reporter';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: resultsReporter as unknown as Mocha.ReporterConstructor,
  });
  mocha.addFile(path.join(__dirname, 'quietStart.test.js'));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} host test(s) failed`)) : resolve()));
  });
}
