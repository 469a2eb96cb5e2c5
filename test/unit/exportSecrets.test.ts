// Generated code is never masked by value; a known secret value standing in an export refuses it, naming the
// file and line (src/model/common/secretOccurrences.ts).
import assert from 'node:assert/strict';
import { maskedIo, type CliIo } from '../../src/cli/io';
import { exportSecretRefusal, secretLocations, secretOccurrences } from '../../src/model/common/secretOccurrences';
import { setupExport, type ExportFormat } from '../../src/model/iac/exportFormats';
import { allIacWorlds, runbookWorld } from './fixtures/iacWorlds';

const FORMATS: ExportFormat[] = ['bash', 'cloudformation', 'cdk', 'terraform'];
const CTX = { accountId: '123456789012', generatedAt: '2026-11-30T00:00:00Z', lang: 'en' };

function captured(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    stdin: process.stdin,
  };
  return { io, out, err };
}

describe('secretOccurrences: where a known secret stands in generated text', () => {
  it('gives the 1-based lines where a value stands on its own, never inside a longer identifier', () => {
    const text = 'aws ec2 describe-security-groups\nPASS=describe\n"describe"\nredescribe\ndescribe';
    assert.deepEqual(secretOccurrences(text, ['describe']), [2, 3, 5]);
  });

  it('finds the JSON-escaped and URL-encoded forms, and a value spanning lines at its first line', () => {
    assert.deepEqual(secretOccurrences('a\n{"v":"p\\"w0rd"}', ['p"w0rd']), [2]);
    assert.deepEqual(secretOccurrences('a\nb\nurl=x%2Fy%3Dz9', ['x/y=z9']), [3]);
    assert.deepEqual(secretOccurrences('one\ntwo LINE1\nLINE2 three', ['LINE1\nLINE2']), [2]);
  });

  it('ignores values shorter than 4 characters, as masking does', () => {
    assert.deepEqual(secretOccurrences('aws ec2 run', ['aws', 'ec2', '   ']), []);
  });
});

describe('exports are never masked', () => {
  it('prints an export with a known secret `describe` intact through the CLI streams', () => {
    for (const format of FORMATS) {
      const w = runbookWorld();
      const exported = setupExport(format, w.snapshot, w.desired, { ...CTX, basis: w.basis });
      const known = ['describe', 'authorize'];
      assert.equal(exportSecretRefusal(exported.files, known), undefined, format);
      const { io, out } = captured();
      for (const file of exported.files) maskedIo(io, known).generated?.write(file.content);
      assert.equal(out.join(''), exported.files.map((f) => f.content).join(''), format);
    }
    const w = runbookWorld();
    const script = setupExport('bash', w.snapshot, w.desired, { ...CTX, basis: w.basis }).files[0].content;
    assert.match(script, /aws ec2 describe-security-groups/);
  });

  it('still masks the known secret in ordinary CLI text', () => {
    const { io, out } = captured();
    maskedIo(io, ['hunter22']).stdout.write('password is hunter22');
    assert.equal(out.join(''), 'password is ***');
  });

  it('refuses an export in which a real secret value stands, naming file and line but not the value', () => {
    const secret = 'kP9zR2vWq7';
    let refused = 0;
    for (const world of allIacWorlds().slice(0, 3)) {
      for (const format of FORMATS) {
        const desired = { ...world.desired, connectorName: secret };
        const exported = setupExport(format, world.snapshot, desired, { ...CTX, basis: world.basis });
        const expected = exported.files.flatMap((f) =>
          f.content
            .split('\n')
            .map((line, i) => (line.includes(secret) ? `${f.path}:${i + 1}` : ''))
            .filter(Boolean),
        );
        if (expected.length === 0) continue; // this world's export names an existing connector by ARN
        const refusal = exportSecretRefusal(exported.files, [secret]);
        assert.ok(refusal, `${world.name} ${format}`);
        refused += 1;
        for (const place of expected) assert.ok(refusal.en.includes(place), `${refusal.en} names ${place}`);
        assert.ok(!refusal.en.includes(secret) && !refusal.ja.includes(secret));
        assert.deepEqual(
          secretLocations(exported.files, [secret]).map((l) => `${l.path}:${l.line}`),
          expected,
        );
      }
    }
    assert.ok(refused >= FORMATS.length, `${refused} exports refused`);
  });
});
