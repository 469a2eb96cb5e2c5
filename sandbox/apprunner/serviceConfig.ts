// Turns CreateService/UpdateService members into the stored configuration: App Runner's defaults filled
// in, CPU/memory written the way DescribeService returns them, and the documented input rules enforced.
import type { EmulatorContext } from './context';
import { invalidRequest } from './errors';
import { defaultAutoScalingArn } from './ids';
import type { Json, ServiceConfig } from './store';

const CPU: Record<string, string> = {
  '0.25 vCPU': '256',
  '0.5 vCPU': '512',
  '1 vCPU': '1024',
  '2 vCPU': '2048',
  '4 vCPU': '4096',
};

function memoryMb(value: string): string {
  const gb = /^([\d.]+) GB$/.exec(value);
  return gb ? String(Number(gb[1]) * 1024) : value;
}

function asJson(v: unknown): Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
}

export function sourceConfiguration(input: Json): Json {
  const code = input.CodeRepository as Json | undefined;
  const image = input.ImageRepository as Json | undefined;
  if ((code === undefined) === (image === undefined)) {
    throw invalidRequest('SourceConfiguration must contain exactly one of CodeRepository or ImageRepository.');
  }
  const auth = asJson(input.AuthenticationConfiguration);
  const out: Json = { ...input };
  if (image) {
    const type = image.ImageRepositoryType;
    if (type === 'ECR' && !auth.AccessRoleArn) {
      throw invalidRequest('AuthenticationConfiguration.AccessRoleArn is required for an ECR image repository.');
    }
    out.ImageRepository = { ...image, ImageConfiguration: { Port: '8080', ...asJson(image.ImageConfiguration) } };
    out.AutoDeploymentsEnabled = input.AutoDeploymentsEnabled ?? type !== 'ECR_PUBLIC';
  } else {
    if (!auth.ConnectionArn)
      throw invalidRequest('AuthenticationConfiguration.ConnectionArn is required for a code repository.');
    out.AutoDeploymentsEnabled = input.AutoDeploymentsEnabled ?? true;
  }
  if (out.AutoDeploymentsEnabled === true && image?.ImageRepositoryType === 'ECR_PUBLIC') {
    throw invalidRequest('Automatic deployments are not supported for ECR_PUBLIC images.');
  }
  return out;
}

export function instanceConfiguration(current: Json | undefined, input: Json | undefined): Json {
  const merged: Json = { Cpu: '1024', Memory: '2048', ...current, ...input };
  merged.Cpu = CPU[String(merged.Cpu)] ?? merged.Cpu;
  merged.Memory = memoryMb(String(merged.Memory));
  return merged;
}

export function healthCheckConfiguration(current: Json | undefined, input: Json | undefined): Json {
  const defaults = { Protocol: 'TCP', Path: '/', Interval: 5, Timeout: 2, HealthyThreshold: 1, UnhealthyThreshold: 5 };
  return { ...defaults, ...current, ...input };
}

/** Network configuration with the egress rules App Runner enforces (VPC needs an active connector ARN). */
export function networkConfiguration(
  ctx: EmulatorContext,
  region: string,
  current: Json | undefined,
  input: Json | undefined,
): Json {
  const base: Json = current ?? {
    EgressConfiguration: { EgressType: 'DEFAULT' },
    IngressConfiguration: { IsPubliclyAccessible: true },
    IpAddressType: 'IPV4',
  };
  const merged: Json = { ...base, ...input };
  if (input?.EgressConfiguration !== undefined)
    merged.EgressConfiguration = egressConfiguration(ctx, region, asJson(input.EgressConfiguration));
  return merged;
}

function egressConfiguration(ctx: EmulatorContext, region: string, egress: Json): Json {
  const type = egress.EgressType ?? 'DEFAULT';
  const arn = egress.VpcConnectorArn as string | undefined;
  if (type === 'DEFAULT') {
    if (arn) throw invalidRequest('VpcConnectorArn can only be set when EgressType is VPC.');
    return { EgressType: 'DEFAULT' };
  }
  if (!arn) throw invalidRequest('VpcConnectorArn is required when EgressType is VPC.');
  const connector = ctx.store.connectors.get(arn);
  if (!connector || connector.region !== region || connector.status !== 'ACTIVE') {
    throw invalidRequest(`The VPC connector ${arn} doesn't exist or isn't ACTIVE.`);
  }
  return { EgressType: 'VPC', VpcConnectorArn: arn };
}

export function newServiceConfig(ctx: EmulatorContext, region: string, input: Json): ServiceConfig {
  const config: ServiceConfig = {
    SourceConfiguration: sourceConfiguration(asJson(input.SourceConfiguration)),
    InstanceConfiguration: instanceConfiguration(undefined, input.InstanceConfiguration as Json | undefined),
    HealthCheckConfiguration: healthCheckConfiguration(undefined, input.HealthCheckConfiguration as Json | undefined),
    NetworkConfiguration: networkConfiguration(ctx, region, undefined, input.NetworkConfiguration as Json | undefined),
    ObservabilityConfiguration: (input.ObservabilityConfiguration as Json | undefined) ?? {
      ObservabilityEnabled: false,
    },
    AutoScalingConfigurationArn:
      (input.AutoScalingConfigurationArn as string | undefined) ?? defaultAutoScalingArn(region),
  };
  if (input.EncryptionConfiguration) config.EncryptionConfiguration = input.EncryptionConfiguration as Json;
  return config;
}

export function updatedServiceConfig(
  ctx: EmulatorContext,
  region: string,
  current: ServiceConfig,
  input: Json,
): ServiceConfig {
  return {
    ...current,
    SourceConfiguration: input.SourceConfiguration
      ? sourceConfiguration(asJson(input.SourceConfiguration))
      : current.SourceConfiguration,
    InstanceConfiguration: instanceConfiguration(
      current.InstanceConfiguration,
      input.InstanceConfiguration as Json | undefined,
    ),
    HealthCheckConfiguration: healthCheckConfiguration(
      current.HealthCheckConfiguration,
      input.HealthCheckConfiguration as Json | undefined,
    ),
    NetworkConfiguration: networkConfiguration(
      ctx,
      region,
      current.NetworkConfiguration,
      input.NetworkConfiguration as Json | undefined,
    ),
    ObservabilityConfiguration:
      (input.ObservabilityConfiguration as Json | undefined) ?? current.ObservabilityConfiguration,
    AutoScalingConfigurationArn:
      (input.AutoScalingConfigurationArn as string | undefined) ?? current.AutoScalingConfigurationArn,
  };
}
