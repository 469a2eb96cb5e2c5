// The test index VS Code's extension host loads (`extensionTestsPath`): runs every test/host/*.test.js with
// mocha inside the real extension host, reporting through the results file.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { resultsReporter } from './reporter';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: resultsReporter as unknown as Mocha.ReporterConstructor,
  });
  const grep = process.env.APPRUNNER_VPC_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} host test(s) failed`)) : resolve()));
  });
}
