// Values an account holder (or anyone who can tag a group or make a CloudTrail-recorded call) controls, put into
// every Markdown document the tool makes, and a check of what VS Code's Markdown preview would make of them:
// markdown-it (the preview's renderer) with HTML and linkify on, as `markdown.preview.linkify` has by default.
// Shared by the unit tests and the reliability figure `markdownInjections`.
import { changeHistory } from '../../src/model/ops/changeHistory';
import { changeHistoryMarkdown } from '../../src/model/ops/changeHistoryMarkdown';
import { evaluateChecklist } from '../../src/model/diagnosis/checklist';
import { checklistToMarkdown } from '../../src/model/diagnosis/checklistMarkdown';
import { diagnosisReportMarkdown } from '../../src/model/diagnosis/diagnosisReport';
import { msg } from '../../src/model/l10n/text';
import { planMarkdown } from '../../src/model/plan/planMarkdown';
import { plan } from '../../src/model/plan/plan';
import { resolveDesired } from '../../src/model/plan/desired';
import { analyze } from '../unit/fixtures/analyze';
import { beforeSetup } from '../unit/fixtures/topologyBuilder';
import { SETTINGS, seededWorld } from '../unit/fixtures/planWorld';

/** Each one would be a live image, link, element or heading if it reached the preview unescaped. */
export const HOSTILE_MARKDOWN: readonly string[] = [
  '![x](https://evil.example/p.png)',
  '[link](https://evil.example)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">a</a>',
  '<script>alert(1)</script>',
  'see https://evil.com/x',
  'mail me: a@evil.com',
  'www.evil.com',
  '<https://evil.example>',
  'x\n\n# heading\n\n![i](https://evil.example/i.png)',
  '`a`\n\n![i](https://evil.example/i.png)',
  '| cell | ![i](https://evil.example/i.png) |',
  '**bold** _it_ ~~gone~~',
];

// markdown-it is a devDependency pinned to the version @vscode/vsce and @vscode/l10n-dev bring; it has no bundled types.
const MarkdownIt = require('markdown-it') as new (o: object) => { render(src: string): string };
const renderer = new MarkdownIt({ html: true, linkify: true });

// The tool's own link: Change History's event link to the CloudTrail console (the event id is percent-encoded in it).
const OWN_LINK = /^<a href="https:\/\/[a-z0-9-]+\.console\.aws\.amazon\.com\/cloudtrailv2\/[^"]*">$/;

/** What the preview would make live: images, links, raw HTML, and emphasis or headings from the value. */
export function liveMarkup(markdown: string): string[] {
  const html = renderer.render(markdown);
  return [...html.matchAll(/<(img|a|script|strong|em|s|h[1-6])\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !OWN_LINK.test(tag));
}

export interface HostileDocument {
  name: string;
  /** The document with the hostile value `value` placed where AWS data goes. */
  build(value: string): string;
}

function diagnosisWith(value: string): string {
  const d = analyze(beforeSetup());
  const [first] = d.findings;
  d.findings = [
    {
      ...first,
      message: msg('The group {0} has no rule', value),
      evidence: [{ kind: 'security-group', id: 'sg-1', detail: `Name=${value}` }],
    },
    ...d.findings.slice(1),
  ];
  return diagnosisReportMarkdown(d, undefined, 'en', { target: value });
}

function planWith(value: string): string {
  const world = seededWorld();
  const desired = resolveDesired(world, SETTINGS);
  if (!desired.ok) throw new Error('the plan world does not resolve');
  const p = plan(world, desired.desired);
  p.warnings.push({ code: 'db-port-open-to-world', message: msg('Group {0} is shared', value), evidence: [value] });
  p.notes.push(msg('Name tag {0}', value));
  return planMarkdown(`Set up ${value}`, p, 'en');
}

function historyWith(value: string): string {
  const rows = changeHistory(
    [
      {
        eventId: value,
        eventName: value,
        eventTime: Date.parse('2026-11-28T10:00:00Z'),
        eventSource: 'ec2.amazonaws.com',
        username: value,
        resources: [{ type: 'AWS::EC2::SecurityGroup', name: 'sg-1' }],
        cloudTrailEvent: JSON.stringify({
          userIdentity: { type: 'IAMUser' },
          sourceIPAddress: value,
          requestParameters: { resourcesSet: {}, tagSet: { items: [{ key: 'Name', value }] } },
        }),
      },
    ],
    'us-east-1',
    Date.parse('2026-11-28T12:00:00Z'),
  );
  return changeHistoryMarkdown(rows, value, 'en');
}

function checklistWith(value: string): string {
  const t = beforeSetup();
  const items = evaluateChecklist(t, analyze(t), { now: '2026-11-28T12:00:00Z' }).map((i) => ({
    ...i,
    detail: msg('{0}: {1}', i.detail, value),
  }));
  return checklistToMarkdown(items, 'en', { title: `Operations checklist: ${value}`, generatedAt: value });
}

export const HOSTILE_DOCUMENTS: readonly HostileDocument[] = [
  { name: 'Diagnose report', build: diagnosisWith },
  { name: 'plan preview', build: planWith },
  { name: 'Change History', build: historyWith },
  { name: 'checklist export', build: checklistWith },
];

/** Each (document, value) whose rendering has live markup the same document without the value lacks. */
export function markdownInjections(): { tried: number; survived: string[] } {
  const survived: string[] = [];
  let tried = 0;
  for (const doc of HOSTILE_DOCUMENTS) {
    const baseline = new Set(liveMarkup(doc.build('plain')));
    for (const value of HOSTILE_MARKDOWN) {
      tried++;
      const extra = liveMarkup(doc.build(value)).filter((m) => !baseline.has(m));
      if (extra.length > 0) survived.push(`${doc.name}: ${JSON.stringify(value)} -> ${extra.join(' ')}`);
    }
  }
  return { tried, survived };
}
