// A lens on run.network.port when the deployed service listens on another port (App Runner would route
// requests to a port nothing listens on after the next deployment, or this file is not what runs).
import { DEFAULT_PORT } from '../apprunnerYaml/types';
import type { LensInput, LensModel } from './types';
import { msg } from '../l10n/text';

export function portLenses(input: LensInput): LensModel[] {
  const link = input.link;
  if (link.kind === 'none' || link.kind === 'ambiguous') return [];
  const service = input.snapshot?.services.find((s) => s.name === link.serviceName);
  const deployedText = service?.source?.port;
  const deployed = deployedText ? Number(deployedText) : undefined;
  const port = input.config.run?.network?.port;
  const written = port?.value ?? DEFAULT_PORT;
  const range = port?.range ?? input.config.run?.command?.range;
  if (!service || deployed === undefined || !Number.isFinite(deployed) || deployed === written || !range) return [];
  return [
    {
      id: 'port',
      range,
      title: port
        ? msg('port mismatch: deployed {0} listens on {1}, this file says {2}', service.name, deployed, written)
        : msg(
            'port mismatch: deployed {0} listens on {1}, this file says {2} (default)',
            service.name,
            deployed,
            written,
          ),
    },
  ];
}
