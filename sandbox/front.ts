// The one loopback endpoint: /_sandbox/ admin, /_apps/ service URLs, App Runner calls to the emulator,
// everything else proxied to moto. Fault injection and call counting apply to every AWS call; EC2 calls AWS
// would refuse but moto accepts are refused here (sandbox/strict/). Every write call is recorded as a CloudTrail
// event (sandbox/trail/) and `cloudtrail:LookupEvents`, which moto lacks, is answered from that record.
import type { RDSClient } from '@aws-sdk/client-rds';
import * as http from 'node:http';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { handleAdmin, type AdminController } from './admin';
import { SOURCE_VPC_HEADER, type FakeApp } from './app/fakeApp';
import { requestId, type AppRunnerEmulator } from './apprunner/emulator';
import type { ExpressEmulator } from './ecs/expressEmulator';
import { faultReply, type WireReply } from './faultResponses';
import { filterLogEventsWithEmptyPages } from './logPaging';
import { proxyToMoto } from './proxy';
import { handleRdsOperation, servesRdsOperation } from './rds/rdsFront';
import { describeCall, queryParams } from './requestInfo';
import { describeDbInstancesWithClusterGroups } from './rds/clusterMemberGroups';
import { strictEc2Error } from './strict/strictCheck';
import { answerLookupEvents } from './trail/lookupEvents';
import type { TrailRecorder } from './trail/recorder';

export interface FrontDeps {
  emulator: AppRunnerEmulator;
  /** ECS Express Mode's four operations (moto has none); every other ECS call goes to moto. */
  express: ExpressEmulator;
  /** RDS calls the front answers itself (DescribeDBProxyTargets) read moto through these. */
  rds: (region: string) => RDSClient;
  app: FakeApp;
  admin: AdminController;
  motoPort: number;
  /** A client straight to moto in a region, for the strict rules that read the account's state. */
  ec2: (region: string) => EC2Client;
  /** Records write calls as CloudTrail events (admin.events holds them). */
  trail: TrailRecorder;
  log?: (line: string) => void;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, r: WireReply): void {
  res.writeHead(r.status, { 'content-length': Buffer.byteLength(r.body), ...r.headers });
  res.end(r.body);
}

async function route(deps: FrontDeps, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = await readBody(req);
  const url = req.url ?? '/';
  if (url.startsWith('/_sandbox/'))
    return send(res, await handleAdmin(deps.admin, req.method ?? 'GET', url, body.toString('utf8')));
  const app = /^\/_apps\/([0-9a-f]{32})(\/.*)?$/.exec(url);
  if (app) {
    const sourceVpc = req.headers[SOURCE_VPC_HEADER];
    const reply = await deps.app.handle(
      app[1] ?? '',
      app[2] ?? '/',
      Array.isArray(sourceVpc) ? sourceVpc[0] : sourceVpc,
    );
    // A private service's URL does not answer from the workstation: the connection fails, no HTTP answer.
    if (!reply) return void req.socket.destroy();
    return send(res, reply);
  }
  const call = describeCall(req.headers, url, body.toString('utf8'), req.method);
  const text = body.toString('utf8');
  // JSON protocols name the operation in X-Amz-Target; the others (EC2, RDS, STS) are query protocols.
  const jsonProtocol = Boolean(req.headers['x-amz-target']);
  const recordAnswer = await deps.trail.prepare(
    {
      service: call.isAppRunner ? 'apprunner' : call.service,
      operation: call.operation,
      region: call.region,
      headers: req.headers,
      query: jsonProtocol ? undefined : queryParams(req.headers, url, text),
      body: text,
      sourceIp: req.socket.remoteAddress ?? '',
      time: new Date(),
    },
    deps.log,
  );
  const sendRecorded = (r: WireReply): void => {
    recordAnswer({ status: r.status, body: r.body });
    send(res, r);
  };
  let holdMs = 0;
  if (call.operation) {
    const userAgent = [req.headers['x-amz-user-agent'], req.headers['user-agent']].flat().filter(Boolean).join(' ');
    deps.admin.calls.add(call.operation, { service: call.isAppRunner ? 'apprunner' : call.service, userAgent });
    const decision = deps.admin.faults.decide(call.operation, call.isAppRunner ? 'apprunner' : call.service);
    if (decision.latencyMs > 0) await new Promise((r) => setTimeout(r, decision.latencyMs));
    holdMs = decision.replyDelayMs ?? 0;
    if (decision.fault) {
      deps.log?.(`fault ${decision.fault.kind} -> ${call.service}:${call.operation}`);
      return sendRecorded(faultReply(call.isAppRunner ? 'apprunner' : call.service, decision.fault));
    }
  }
  if (call.isAppRunner) {
    const reply = await deps.emulator.handle(call.operation, body.toString('utf8'), call.region);
    if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
    if (res.destroyed) return undefined;
    return sendRecorded({
      ...reply,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId(), ...reply.headers },
    });
  }
  if (call.service === 'rds' && call.operation === 'DescribeDBInstances') {
    const reply = await describeDbInstancesWithClusterGroups(
      deps.motoPort,
      req.headers,
      queryParams(req.headers, url, text).toString(),
    );
    if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
    if (res.destroyed) return undefined;
    return sendRecorded(reply);
  }
  if (call.service === 'ecs' && deps.express.serves(call.operation)) {
    const reply = await deps.express.handle(call.operation, text, call.region);
    if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
    if (res.destroyed) return undefined;
    return sendRecorded({ ...reply, headers: { 'x-amzn-requestid': requestId(), ...reply.headers } });
  }
  if (call.service === 'rds' && servesRdsOperation(call.operation)) {
    const reply = await handleRdsOperation(
      deps.rds(call.region),
      call.operation,
      queryParams(req.headers, url, body.toString('utf8')),
    );
    if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
    if (res.destroyed) return undefined;
    return sendRecorded(reply);
  }
  if (call.service === 'cloudtrail' && call.operation === 'LookupEvents') {
    if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
    return send(res, answerLookupEvents(deps.admin.events, text));
  }
  if (call.service === 'ec2') {
    const refusal = await strictEc2Error(call.operation, queryParams(req.headers, url, body.toString('utf8')), () =>
      deps.ec2(call.region),
    );
    if (refusal) {
      deps.log?.(`strict ${refusal.code} -> ec2:${call.operation}`);
      // A held answer (replyDelayMs) holds refusals too, as it holds moto's own answers.
      if (holdMs > 0) await new Promise((r) => setTimeout(r, holdMs));
      if (res.destroyed) return undefined;
      return sendRecorded(
        faultReply('ec2', { kind: 'custom', error: { code: refusal.code, status: 400, message: refusal.message } }),
      );
    }
  }
  const emptyPages = deps.admin.faults.current().emptyLogPages ?? 0;
  if (call.operation === 'FilterLogEvents' && call.service === 'logs' && emptyPages > 0) {
    return filterLogEventsWithEmptyPages(deps.motoPort, emptyPages, req, body, res);
  }
  proxyToMoto(deps.motoPort, req, body, res, holdMs, (status, answer) =>
    recordAnswer({ status, body: answer.toString('utf8') }),
  );
}

export function createFront(deps: FrontDeps): http.Server {
  return http.createServer((req, res) => {
    route(deps, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`sandbox error: ${e instanceof Error ? e.message : String(e)}`);
    });
  });
}
