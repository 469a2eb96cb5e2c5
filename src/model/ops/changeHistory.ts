// Runbook 8.2 ("audit VPC connector changes with CloudTrail"): CloudTrail events about a service, connector
// or security group turned into rows a person reads: newest first, who (the principal's ARN), when
// (relative and absolute), what changed ("ingress tcp 5432 from sg-x revoked"), from where (source IP or
// "AWS service"), and the event's page in the CloudTrail console. Pure: plain events in, rows out.
import type { Localized } from '../common/awsError';
import { msg, same } from '../l10n/text';

/** One event as LookupEvents returns it (EventTime as epoch ms). */
export interface TrailEventInput {
  eventId: string;
  eventName: string;
  eventTime: number;
  eventSource?: string;
  username?: string;
  resources: { type?: string; name?: string }[];
  /** The CloudTrail record (JSON text), where who, from where and the parameters are. */
  cloudTrailEvent?: string;
}

export interface ChangeRow {
  eventId: string;
  eventName: string;
  /** ISO time of the call. */
  time: string;
  ago: Localized;
  /** The principal's ARN (or the user name when the record has no ARN). */
  who: string;
  /** Source IP, or "AWS service (name)" for calls a service made on its own behalf. */
  from: Localized;
  what: Localized;
  /** The error code when the call failed (CloudTrail records refused calls too). */
  errorCode?: string;
  resources: string[];
  consoleUrl: string;
}

type Rec = Record<string, unknown>;

function obj(v: unknown): Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {};
}

/** CloudTrail writes EC2 lists as `{items: [...]}`; the sandbox as plain lists. Both read as a list. */
function list(v: unknown): Rec[] {
  if (Array.isArray(v)) return v.map(obj);
  const items = obj(v).items;
  return Array.isArray(items) ? items.map(obj) : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function parse(text: string | undefined): Rec {
  try {
    return obj(JSON.parse(text ?? '{}'));
  } catch {
    return {};
  }
}

export function relativeTime(thenMs: number, nowMs: number): Localized {
  const s = Math.max(0, Math.round((nowMs - thenMs) / 1000));
  // One key per unit and plural form, so each language words its own plural (Japanese has none).
  if (s < 60) return s === 1 ? msg('{0} second ago', s) : msg('{0} seconds ago', s);
  if (s < 3600) {
    const m = Math.floor(s / 60);
    return m === 1 ? msg('{0} minute ago', m) : msg('{0} minutes ago', m);
  }
  if (s < 86_400) {
    const h = Math.floor(s / 3600);
    return h === 1 ? msg('{0} hour ago', h) : msg('{0} hours ago', h);
  }
  const d = Math.floor(s / 86_400);
  return d === 1 ? msg('{0} day ago', d) : msg('{0} days ago', d);
}

function portText(p: Rec): string {
  const proto = str(p.ipProtocol) ?? '';
  if (proto === '-1' || proto === 'all') return 'all traffic';
  const from = str(p.fromPort);
  const to = str(p.toPort);
  const ports = from === undefined ? '' : from === to || to === undefined ? ` ${from}` : ` ${from}-${to}`;
  return `${proto}${ports}`;
}

function peers(p: Rec): string[] {
  return [
    ...list(p.groups).map((g) => str(g.groupId) ?? str(g.groupName) ?? ''),
    ...list(p.userIdGroupPairs).map((g) => str(g.groupId) ?? ''),
    ...list(p.ipRanges).map((r) => str(r.cidrIp) ?? ''),
    ...list(p.ipv6Ranges).map((r) => str(r.cidrIpv6) ?? ''),
    ...list(p.prefixListIds).map((r) => str(r.prefixListId) ?? ''),
  ].filter(Boolean);
}

function ruleChange(name: string, req: Rec): Localized {
  const m = /^(Authorize|Revoke)SecurityGroup(Ingress|Egress)$/.exec(name);
  const verb = m?.[1] === 'Authorize' ? msg('authorized') : msg('revoked');
  const ingress = m?.[2] === 'Ingress';
  const dir = ingress ? msg('ingress') : msg('egress');
  const prep = ingress ? 'from' : 'to';
  let perms = list(req.ipPermissions);
  // The CLI's short form (--protocol --port --cidr / --source-group) arrives as top-level fields.
  if (perms.length === 0 && (req.ipProtocol !== undefined || req.cidrIp !== undefined)) {
    perms = [
      {
        ipProtocol: req.ipProtocol,
        fromPort: req.fromPort,
        toPort: req.toPort,
        ipRanges: req.cidrIp ? [{ cidrIp: req.cidrIp }] : [],
        groups:
          req.sourceSecurityGroupName || req.sourceSecurityGroupId
            ? [{ groupId: req.sourceSecurityGroupId ?? req.sourceSecurityGroupName }]
            : [],
      },
    ];
  }
  const ruleIds = list(req.securityGroupRuleIds)
    .map((r) => str(r.securityGroupRuleId) ?? '')
    .concat(
      Array.isArray(req.securityGroupRuleIds)
        ? (req.securityGroupRuleIds as unknown[]).filter((x): x is string => typeof x === 'string')
        : [],
    )
    .filter(Boolean);
  const parts = perms.map((p) => `${portText(p)} ${prep} ${peers(p).join(', ') || '?'}`);
  if (ruleIds.length) parts.push(`rule ${ruleIds.join(', ')}`);
  const body = parts.join('; ') || '?';
  return msg('{0} {1} {2}', dir, body, verb);
}

function nameOfArn(arn: string | undefined): string {
  return arn?.split('/')[1] ?? arn ?? '?';
}

function egressChange(req: Rec): Localized | undefined {
  const egress = obj(obj(req.networkConfiguration).egressConfiguration);
  const type = str(egress.egressType);
  if (!type) return undefined;
  if (type === 'VPC') {
    const c = nameOfArn(str(egress.vpcConnectorArn));
    return msg('egress set to VPC through connector {0}', c);
  }
  return msg('egress set to {0} (public internet)', type);
}

/** What the call changed, in a person's words. */
export function describeChange(eventName: string, req: Rec, res: Rec): Localized {
  if (/^(Authorize|Revoke)SecurityGroup(Ingress|Egress)$/.test(eventName)) return ruleChange(eventName, req);
  switch (eventName) {
    case 'CreateSecurityGroup': {
      const id = str(res.groupId) ?? '';
      const name = str(req.groupName) ?? '?';
      const vpc = str(req.vpcId) ?? '?';
      return id
        ? msg('security group {0} ({1}) created in {2}', name, id, vpc)
        : msg('security group {0} created in {1}', name, vpc);
    }
    case 'DeleteSecurityGroup':
      return msg('security group {0} deleted', str(req.groupId) ?? str(req.groupName) ?? '?');
    case 'CreateVpcConnector': {
      const subnets = (req.subnets as unknown[] | undefined)?.join(', ') ?? '?';
      const groups = (req.securityGroups as unknown[] | undefined)?.join(', ') ?? '?';
      const name = str(req.vpcConnectorName) ?? '?';
      return msg('VPC connector {0} created (subnets {1}; groups {2})', name, subnets, groups);
    }
    case 'DeleteVpcConnector':
      return msg('VPC connector {0} deleted', nameOfArn(str(req.vpcConnectorArn)));
    case 'UpdateService':
      return egressChange(req) ?? msg('service configuration updated');
    case 'CreateTags':
    case 'DeleteTags': {
      const tags = list(req.tags)
        .concat(list(req.tagSet))
        .map((t) => `${str(t.key) ?? '?'}${t.value !== undefined ? `=${str(t.value)}` : ''}`)
        .join(', ');
      return eventName === 'CreateTags' ? msg('tags set: {0}', tags) : msg('tags removed: {0}', tags);
    }
    default:
      return same(eventName);
  }
}

export function consoleUrl(region: string, eventId: string): string {
  return `https://${region}.console.aws.amazon.com/cloudtrailv2/home?region=${region}#/events/${encodeURIComponent(eventId)}`;
}

export function changeRow(e: TrailEventInput, region: string, nowMs: number): ChangeRow {
  const rec = parse(e.cloudTrailEvent);
  const identity = obj(rec.userIdentity);
  const source = str(rec.sourceIPAddress) ?? '';
  const invokedBy = str(identity.invokedBy);
  // A service acting on its own behalf shows a host name (apprunner.amazonaws.com) instead of an address.
  const service = invokedBy ?? (/\.amazonaws\.com$/.test(source) ? source : undefined);
  const what = describeChange(e.eventName, obj(rec.requestParameters), obj(rec.responseElements));
  const errorCode = str(rec.errorCode);
  return {
    eventId: e.eventId,
    eventName: e.eventName,
    time: new Date(e.eventTime).toISOString(),
    ago: relativeTime(e.eventTime, nowMs),
    who: str(identity.arn) ?? e.username ?? '?',
    from: service ? msg('AWS service ({0})', service) : same(source || '?'),
    what: errorCode ? msg('{0} (failed: {1})', what, errorCode) : what,
    errorCode,
    resources: e.resources.map((r) => r.name ?? '').filter(Boolean),
    consoleUrl: consoleUrl(region, e.eventId),
  };
}

/** Rows for events from one or more lookups: each event once, newest first. */
export function changeHistory(events: TrailEventInput[], region: string, nowMs: number): ChangeRow[] {
  const seen = new Map<string, TrailEventInput>();
  for (const e of events) seen.set(e.eventId, e);
  return [...seen.values()].sort((a, b) => b.eventTime - a.eventTime).map((e) => changeRow(e, region, nowMs));
}

/** The latest successful change naming a resource, as one line ("ingress tcp 5432 ... revoked by ARN 3 hours ago"). */
export function lastChangeLine(rows: ChangeRow[], resource: string): Localized | undefined {
  const row = rows.find((r) => !r.errorCode && r.resources.includes(resource));
  if (!row) return undefined;
  return msg('{0} by {1} {2}', row.what, row.who, row.ago);
}
