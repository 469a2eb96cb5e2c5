// App Runner SDK shapes to the snapshot's plain types.
import type {
  OperationSummary,
  Service,
  ServiceSummary,
  SourceConfiguration,
  VpcConnector as SdkConnector,
} from '@aws-sdk/client-apprunner';
import type {
  AppRunnerService,
  ServiceOperation,
  ServiceSource,
  ServiceStatus,
  VpcConnector,
} from '../../model/topology/topology';
import { iso } from './pool';

export function serviceFromSummary(s: ServiceSummary): AppRunnerService {
  return {
    arn: s.ServiceArn ?? '',
    name: s.ServiceName ?? '',
    id: s.ServiceId ?? '',
    url: s.ServiceUrl,
    status: (s.Status ?? 'RUNNING') as ServiceStatus,
    createdAt: iso(s.CreatedAt),
    updatedAt: iso(s.UpdatedAt),
    detailsLoaded: false,
  };
}

/** The secrets' references (ARN or parameter name) only: App Runner itself never returns their values. */
function secretsOf(secrets: Record<string, string> | undefined): Pick<ServiceSource, 'secrets'> {
  return secrets && Object.keys(secrets).length > 0 ? { secrets: { ...secrets } } : {};
}

function sourceOf(c: SourceConfiguration | undefined): ServiceSource | undefined {
  if (c?.ImageRepository) {
    const ic = c.ImageRepository.ImageConfiguration;
    return {
      kind: 'image',
      identifier: c.ImageRepository.ImageIdentifier ?? '',
      port: ic?.Port,
      environment: { ...(ic?.RuntimeEnvironmentVariables ?? {}) },
      ...secretsOf(ic?.RuntimeEnvironmentSecrets),
    };
  }
  if (c?.CodeRepository) {
    const code = c.CodeRepository.CodeConfiguration;
    const values = code?.CodeConfigurationValues;
    return {
      kind: 'code',
      identifier: c.CodeRepository.RepositoryUrl ?? '',
      configurationSource: code?.ConfigurationSource,
      sourceDirectory: c.CodeRepository.SourceDirectory,
      branch: c.CodeRepository.SourceCodeVersion?.Value,
      port: values?.Port,
      environment: { ...(values?.RuntimeEnvironmentVariables ?? {}) },
      ...secretsOf(values?.RuntimeEnvironmentSecrets),
    };
  }
  return undefined;
}

export function serviceFromDetails(s: Service): AppRunnerService {
  const egress = s.NetworkConfiguration?.EgressConfiguration;
  return {
    arn: s.ServiceArn ?? '',
    name: s.ServiceName ?? '',
    id: s.ServiceId ?? '',
    url: s.ServiceUrl,
    status: (s.Status ?? 'RUNNING') as ServiceStatus,
    createdAt: iso(s.CreatedAt),
    updatedAt: iso(s.UpdatedAt),
    detailsLoaded: true,
    egressType: egress?.EgressType ?? 'DEFAULT',
    vpcConnectorArn: egress?.EgressType === 'VPC' ? egress.VpcConnectorArn : undefined,
    source: sourceOf(s.SourceConfiguration),
    healthCheckPath: s.HealthCheckConfiguration?.Path,
    ipAddressType: s.NetworkConfiguration?.IpAddressType === 'DUAL_STACK' ? 'DUAL_STACK' : 'IPV4',
    isPubliclyAccessible: s.NetworkConfiguration?.IngressConfiguration?.IsPubliclyAccessible,
  };
}

export function operationFrom(o: OperationSummary): ServiceOperation {
  return {
    id: o.Id ?? '',
    type: o.Type ?? '',
    status: o.Status ?? 'PENDING',
    startedAt: iso(o.StartedAt),
    endedAt: iso(o.EndedAt),
    updatedAt: iso(o.UpdatedAt),
  };
}

export function connectorFrom(c: SdkConnector): VpcConnector {
  return {
    arn: c.VpcConnectorArn ?? '',
    name: c.VpcConnectorName ?? '',
    revision: c.VpcConnectorRevision ?? 0,
    status: c.Status ?? 'ACTIVE',
    subnetIds: c.Subnets ?? [],
    securityGroupIds: c.SecurityGroups ?? [],
    createdAt: iso(c.CreatedAt),
    deletedAt: iso(c.DeletedAt),
  };
}
