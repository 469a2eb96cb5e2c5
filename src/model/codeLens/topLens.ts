// The first line of apprunner.yaml: which service this file is, its state and its egress, then the actions
// that apply to it (`kyudai-api · RUNNING · egress VPC via campus-sns-vpc-connector (ACTIVE)`).
import type { Localized, TextRange } from '../apprunnerYaml/types';
import type { AppRunnerService, Topology } from '../topology/topology';
import { internetLenses } from './internetLens';
import { LENS_COMMANDS, type LensInput, type LensModel, same } from './types';
import { joinTexts, msg } from '../l10n/text';

const TOP: TextRange = { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };

/** The top lenses sit above the file's first line, even when it is a comment. */
export function topRange(): TextRange {
  return TOP;
}

/** `egress VPC via campus-sns-vpc-connector (ACTIVE)` / `egress DEFAULT`. */
export function egressText(service: AppRunnerService, topology: Topology): Localized {
  if (!service.detailsLoaded || !service.egressType) return msg('egress not loaded yet');
  if (service.egressType !== 'VPC') return same('egress DEFAULT');
  const connector = topology.connectors.find((c) => c.arn === service.vpcConnectorArn);
  if (!connector) {
    const name = service.vpcConnectorArn?.split('/')[1] ?? '?';
    return msg('egress VPC via {0} (not found)', name);
  }
  return same(`egress VPC via ${connector.name} (${connector.status})`);
}

/** `OPERATION_IN_PROGRESS · UPDATE_SERVICE in progress` while App Runner is busy, else the status. */
function statusText(service: AppRunnerService): Localized {
  const op = service.lastOperation;
  const busy = op && (op.status === 'PENDING' || op.status === 'IN_PROGRESS' || op.status === 'ROLLBACK_IN_PROGRESS');
  if (service.status === 'OPERATION_IN_PROGRESS' || busy) {
    const what = op && busy ? op.type : 'operation';
    return msg('{0} · {1} in progress', service.status, what);
  }
  return same(service.status);
}

function join(...parts: Localized[]): Localized {
  return joinTexts(parts, ' · ');
}

function linkLens(range: TextRange, title: Localized, tooltip?: Localized): LensModel {
  return { id: 'top', range, title, tooltip, command: LENS_COMMANDS.link };
}

function actions(range: TextRange, service: AppRunnerService): LensModel[] {
  const arg = [service.name];
  const list: LensModel[] = [];
  // Attaching applies only while the service does not egress through a VPC yet.
  if (service.detailsLoaded && service.egressType !== 'VPC') {
    list.push({
      id: 'action:attachConnector',
      range,
      title: msg('Attach connector'),
      command: LENS_COMMANDS.attachConnector,
      args: arg,
    });
  }
  list.push(
    { id: 'action:diagnose', range, title: msg('Diagnose'), command: LENS_COMMANDS.diagnose, args: arg },
    { id: 'action:showDiagram', range, title: msg('Show diagram'), command: LENS_COMMANDS.showDiagram, args: arg },
    { id: 'action:checkHealth', range, title: msg('Check health'), command: LENS_COMMANDS.checkHealth, args: arg },
    { id: 'action:link', range, title: msg('Change link'), command: LENS_COMMANDS.link },
  );
  return list;
}

function howLinked(input: LensInput): Localized {
  const link = input.link;
  if (link.kind === 'setting') return msg('Linked by the setting apprunnerVpc.linkedService.');
  if (link.kind === 'remembered') return msg('Linked by your choice for this folder.');
  if (link.kind === 'serviceName') {
    return msg('Linked by the setting apprunnerVpc.serviceName (no service deploys this repository and folder).');
  }
  return msg('Linked automatically: the service deploys this repository and folder.');
}

/** The top lens and, when the service is known, its action lenses. */
export function topLenses(input: LensInput): LensModel[] {
  const range = topRange();
  const link = input.link;
  // Without a snapshot an automatic link cannot be known yet: say why instead of asking too early.
  if (link.kind === 'none' && !input.snapshot) {
    return [linkLens(range, join(same('App Runner'), input.unavailable ?? msg('loading…')))];
  }
  if (link.kind === 'none') {
    return [
      linkLens(
        range,
        msg('Link to an App Runner service...'),
        msg('No service deploys this file automatically; choose one.'),
      ),
    ];
  }
  if (link.kind === 'ambiguous') {
    const names = link.candidates.join(', ');
    return [linkLens(range, msg('Link to an App Runner service... ({0} match)', link.candidates.length), same(names))];
  }
  const name = link.serviceName;
  const snapshot = input.snapshot;
  const service = snapshot?.services.find((s) => s.name === name);
  if (!snapshot || !service) {
    const why: Localized =
      !snapshot || input.loading
        ? (input.unavailable ?? (input.loading ? msg('loading…') : msg('not loaded')))
        : msg('not found in {0}', snapshot.region);
    return [linkLens(range, join(same(name), why), howLinked(input))];
  }
  const tooltip =
    service.source?.kind === 'image'
      ? join(howLinked(input), msg('{0} is deployed from an image: App Runner does not read this file for it', name))
      : howLinked(input);
  const top: LensModel = {
    id: 'top',
    range,
    title: join(same(name), statusText(service), egressText(service, snapshot)),
    tooltip,
    command: LENS_COMMANDS.showDiagram,
    args: [name],
  };
  return [top, ...internetLenses(snapshot, service, range), ...actions(range, service)];
}
