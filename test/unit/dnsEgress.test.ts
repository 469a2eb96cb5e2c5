// The runbook's UDP 53 to 0.0.0.0/0 and the narrower alternative (setting dnsEgress =
// vpcResolverOnly). Security groups do not filter the Amazon-provided resolver, so with vpcResolverOnly the plan,
// the exported script and the group choice ask for no port 53 rule, never revoke an existing one, and the plan
// and the diagnosis say which of the two applies, with AWS's source.
import assert from 'node:assert/strict';
import { markdownText } from '../../src/model/common/markdownText';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { settingsOf } from '../../src/cli/session';
import { resolveDesired, type DesiredSetup } from '../../src/model/plan/desired';
import { diagnoseDocument } from '../../src/model/diagnosis/diagnoseOutcome';
import { diagnosisReportMarkdown } from '../../src/model/diagnosis/diagnosisReport';
import { DNS_NOT_FILTERED_SOURCE, dnsEgressOf } from '../../src/model/plan/dnsEgress';
import { plan } from '../../src/model/plan/plan';
import { analyzeService } from '../../src/model/diagnosis/reachability';
import { setupScriptFor } from '../../src/model/plan/setupScript';
import type { SetupSettings } from '../../src/model/plan/setupSettings';
import type { Topology } from '../../src/model/topology/topology';
import { doneWorld, group, seededWorld, SERVICE_ARN, SETTINGS } from './fixtures/planWorld';

const RESOLVER_ONLY: SetupSettings = { ...SETTINGS, dnsEgress: 'vpcResolverOnly' };

function desiredFor(t: Topology, settings: SetupSettings): DesiredSetup {
  const r = resolveDesired(t, settings);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  return r.desired;
}
const ids = (t: Topology, s: SetupSettings): string[] => plan(t, desiredFor(t, s)).steps.map((x) => x.id);
const dualStack = (t: Topology): Topology => {
  t.services[0].ipAddressType = 'DUAL_STACK';
  return t;
};
const script = (t: Topology, s: SetupSettings): string =>
  setupScriptFor(t, desiredFor(t, s), { generatedAt: 'now', lang: 'en', accountId: '123456789012' });
/** The commands of a script (comments dropped): what would run. */
const commands = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');

describe('dnsEgress: the plan', () => {
  it('runbook (default): UDP 53 to 0.0.0.0/0 is planned, and the note names the narrower alternative with its source', () => {
    assert.equal(SETTINGS.dnsEgress, 'runbook');
    const p = plan(seededWorld(), desiredFor(seededWorld(), SETTINGS));
    assert.ok(p.steps.some((s) => s.id === 'authorize-egress-dns'));
    const note = p.notes.find((n) => n.en.startsWith('DNS:'));
    assert.ok(note);
    assert.ok(note.en.includes('vpcResolverOnly') && note.en.includes(DNS_NOT_FILTERED_SOURCE), note.en);
    assert.ok(note.ja.includes(DNS_NOT_FILTERED_SOURCE));
  });

  it('vpcResolverOnly: no port 53 step for IPv4 or IPv6, the other rules and the revoke stay', () => {
    const t = dualStack(seededWorld());
    assert.deepEqual(ids(t, RESOLVER_ONLY), [
      'create-apprunner-sg',
      'authorize-egress-db',
      'authorize-egress-https',
      'authorize-egress-https-ipv6',
      'revoke-default-egress',
      'authorize-db-ingress',
      'create-connector',
      'attach-connector',
      'wait-for-service',
      'check-health',
      'check-db-health',
    ]);
    assert.ok(ids(dualStack(seededWorld()), SETTINGS).includes('authorize-egress-dns-ipv6'));
    const note = plan(t, desiredFor(t, RESOLVER_ONLY)).notes.find((n) => n.en.startsWith('DNS:'));
    assert.ok(note?.en.includes('no UDP 53 rule') && note.en.includes(DNS_NOT_FILTERED_SOURCE), note?.en);
  });

  it('vpcResolverOnly on a finished runbook setup: nothing to do; the existing 53 rule is not revoked', () => {
    const t = doneWorld();
    const p = plan(t, desiredFor(t, RESOLVER_ONLY));
    assert.deepEqual(
      p.steps.filter((s) => s.mutating),
      [],
    );
    assert.ok(group(t, 'sg-apprunner').rules.some((r) => r.fromPort === 53));
  });

  it('vpcResolverOnly on a group without the 53 rule: converged (runbook would add it), and the group stays ours to use', () => {
    const t = doneWorld();
    const app = group(t, 'sg-apprunner');
    app.rules = app.rules.filter((r) => r.fromPort !== 53);
    assert.deepEqual(
      plan(t, desiredFor(t, RESOLVER_ONLY)).steps.filter((s) => s.mutating),
      [],
    );
    assert.deepEqual(
      plan(t, desiredFor(t, SETTINGS))
        .steps.filter((s) => s.mutating)
        .map((s) => s.id),
      ['authorize-egress-dns'],
    );
    assert.equal(desiredFor(t, RESOLVER_ONLY).appRunnerSecurityGroupName, 'apprunner-connector');
  });

  it('an unknown value (hand-edited settings.json) falls back to the runbook', () => {
    assert.equal(dnsEgressOf('bogus'), 'runbook');
    assert.ok(ids(seededWorld(), { ...SETTINGS, dnsEgress: 'bogus' as never }).includes('authorize-egress-dns'));
  });
});

describe('dnsEgress: the exported script', () => {
  it('runbook: both 53 rules for DUAL_STACK; vpcResolverOnly: no port 53 command at all, still valid bash', () => {
    const runbook = commands(script(dualStack(seededWorld()), SETTINGS));
    assert.match(runbook, /IpProtocol=udp,FromPort=53,ToPort=53,IpRanges=\[\{CidrIp=0\.0\.0\.0\/0\}\]/);
    assert.match(runbook, /IpProtocol=udp,FromPort=53,ToPort=53,Ipv6Ranges/);
    const narrow = script(dualStack(seededWorld()), RESOLVER_ONLY);
    assert.doesNotMatch(commands(narrow), /FromPort=53/);
    assert.match(commands(narrow), /IpProtocol=tcp,FromPort=443,ToPort=443,Ipv6Ranges/);
    // Nothing revokes a 53 rule either: only the allow-all rules are revoked.
    assert.deepEqual(
      commands(narrow)
        .split('\n')
        .filter((l) => l.includes('revoke-security-group-egress'))
        .map((l) => /--ip-permissions (.*)$/.exec(l)?.[1]),
      ["'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'", "'IpProtocol=-1,Ipv6Ranges=[{CidrIpv6=::/0}]'"],
    );
    assert.ok(narrow.includes(DNS_NOT_FILTERED_SOURCE));
    execFileSync('bash', ['-n', '-c', narrow]);
    execFileSync('shellcheck', ['--shell=bash', '--severity=warning', '-'], { input: narrow });
  });
});

describe('dnsEgress: the diagnosis', () => {
  it('the runbook rule in place: no finding, a note with the narrower alternative and its source (JSON and report)', () => {
    const d = analyzeService(doneWorld(), SERVICE_ARN, {});
    assert.ok(!d.findings.some((f) => f.path === 'dns'));
    assert.equal(d.notes?.length, 1);
    assert.ok(d.notes?.[0]?.en.includes('vpcResolverOnly') && d.notes[0].en.includes(DNS_NOT_FILTERED_SOURCE));
    assert.deepEqual(diagnoseDocument(d).notes, d.notes);
    assert.ok(
      diagnosisReportMarkdown(d, undefined, 'ja', { generatedAt: 'now', target: 'x' }).includes(
        markdownText(d.notes[0].ja),
      ),
    );
  });

  it('no 53 rule: a warning under the runbook, only a note under vpcResolverOnly (the user chose it)', () => {
    const t = doneWorld();
    const app = group(t, 'sg-apprunner');
    app.rules = app.rules.filter((r) => r.fromPort !== 53);
    assert.ok(analyzeService(t, SERVICE_ARN, {}).findings.some((f) => f.id === 'sg-egress-missing-dns'));
    const chosen = analyzeService(t, SERVICE_ARN, { dnsEgress: 'vpcResolverOnly' });
    assert.ok(!chosen.findings.some((f) => f.path === 'dns'));
    assert.ok(chosen.notes?.some((n) => n.en.includes('as the setting dnsEgress = vpcResolverOnly chose')));
  });
});

describe('dnsEgress: the setting and the flag', () => {
  it('package.json declares the setting with both values, described in English and Japanese', () => {
    const root = join(__dirname, '..', '..', '..');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: {
        configuration: {
          properties: Record<string, { enum?: string[]; default?: string; enumDescriptions?: string[] }>;
        };
      };
    };
    const prop = pkg.contributes.configuration.properties['apprunnerVpc.dnsEgress'];
    assert.deepEqual(prop?.enum, ['runbook', 'vpcResolverOnly']);
    assert.equal(prop?.default, 'runbook');
    for (const file of ['package.nls.json', 'package.nls.ja.json']) {
      const nls = JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, string>;
      for (const key of ['config.dnsEgress', ...(prop?.enumDescriptions ?? []).map((k) => k.slice(1, -1))])
        assert.ok(nls[key], `${file}: ${key}`);
    }
  });

  it('--dns-egress fills the CLI settings; a wrong value is refused with the choices', () => {
    const ok = parseArgs(['plan', '--dns-egress', 'vpcResolverOnly']);
    assert.ok(ok.ok);
    assert.equal(settingsOf(ok.args).dnsEgress, 'vpcResolverOnly');
    const def = parseArgs(['plan']);
    assert.ok(def.ok);
    assert.equal(settingsOf(def.args).dnsEgress, 'runbook');
    assert.deepEqual(parseArgs(['plan', '--dns-egress=none']), {
      ok: false,
      error: '--dns-egress must be one of runbook, vpcResolverOnly (got "none")',
    });
  });
});
