// Records to the API's output shapes (Service, ServiceSummary, VpcConnector, OperationSummary).
import { defaultAutoScalingArn } from './ids';
import type { ConnectorRecord, Json, OperationRecord, ServiceRecord } from './store';

export function serviceUrl(publicHost: string, service: ServiceRecord): string {
  return `${publicHost}/_apps/${service.id}`;
}

export function serviceOut(service: ServiceRecord, publicHost: string): Json {
  const c = service.config;
  const out: Json = {
    ServiceName: service.name,
    ServiceId: service.id,
    ServiceArn: service.arn,
    CreatedAt: service.createdAt,
    UpdatedAt: service.updatedAt,
    Status: service.status,
    SourceConfiguration: c.SourceConfiguration,
    InstanceConfiguration: c.InstanceConfiguration,
    HealthCheckConfiguration: c.HealthCheckConfiguration,
    AutoScalingConfigurationSummary: autoScalingSummary(service.region, c.AutoScalingConfigurationArn),
    NetworkConfiguration: c.NetworkConfiguration,
    ObservabilityConfiguration: c.ObservabilityConfiguration,
  };
  // AWS omits the URL of a service that no longer (or not yet) serves.
  if (service.status !== 'DELETED' && service.status !== 'CREATE_FAILED')
    out.ServiceUrl = serviceUrl(publicHost, service);
  if (service.deletedAt !== undefined) out.DeletedAt = service.deletedAt;
  if (c.EncryptionConfiguration) out.EncryptionConfiguration = c.EncryptionConfiguration;
  return out;
}

function autoScalingSummary(region: string, arn: string): Json {
  const isDefault = arn === defaultAutoScalingArn(region);
  const parts = arn.split('/');
  return {
    AutoScalingConfigurationArn: arn,
    AutoScalingConfigurationName: parts[1] ?? 'DefaultConfiguration',
    AutoScalingConfigurationRevision: Number(parts[2] ?? 1),
    Status: 'ACTIVE',
    HasAssociatedService: true,
    IsDefault: isDefault,
  };
}

export function summaryOut(service: ServiceRecord, publicHost: string): Json {
  const full = serviceOut(service, publicHost);
  const out: Json = {};
  for (const k of ['ServiceName', 'ServiceId', 'ServiceArn', 'ServiceUrl', 'CreatedAt', 'UpdatedAt', 'Status']) {
    if (full[k] !== undefined) out[k] = full[k];
  }
  return out;
}

export function connectorOut(c: ConnectorRecord): Json {
  const out: Json = {
    VpcConnectorName: c.name,
    VpcConnectorArn: c.arn,
    VpcConnectorRevision: c.revision,
    Subnets: c.subnets,
    SecurityGroups: c.securityGroups,
    Status: c.status,
    CreatedAt: c.createdAt,
  };
  if (c.deletedAt !== undefined) out.DeletedAt = c.deletedAt;
  return out;
}

export function operationOut(op: OperationRecord): Json {
  const out: Json = { ...op };
  if (op.EndedAt === undefined) delete out.EndedAt;
  return out;
}
