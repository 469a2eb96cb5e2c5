// The emulator's state: plain records keyed by ARN. Configuration members are kept in the API's own
// JSON form (botocore member names), so what a client sent is what DescribeService returns.
export type Json = Record<string, unknown>;

export type ServiceStatus =
  'CREATE_FAILED' | 'RUNNING' | 'DELETED' | 'DELETE_FAILED' | 'PAUSED' | 'OPERATION_IN_PROGRESS';
export type OperationType =
  'START_DEPLOYMENT' | 'CREATE_SERVICE' | 'PAUSE_SERVICE' | 'RESUME_SERVICE' | 'DELETE_SERVICE' | 'UPDATE_SERVICE';
export type OperationStatus = 'PENDING' | 'IN_PROGRESS' | 'FAILED' | 'SUCCEEDED';

/** The members of `Service` a client can set (CreateService/UpdateService). */
export interface ServiceConfig {
  SourceConfiguration: Json;
  InstanceConfiguration: Json;
  HealthCheckConfiguration: Json;
  NetworkConfiguration: Json;
  ObservabilityConfiguration: Json;
  EncryptionConfiguration?: Json;
  AutoScalingConfigurationArn: string;
}

export interface OperationRecord {
  Id: string;
  Type: OperationType;
  Status: OperationStatus;
  TargetArn: string;
  StartedAt: number;
  EndedAt?: number;
  UpdatedAt: number;
}

export interface ServiceRecord {
  arn: string;
  id: string;
  name: string;
  region: string;
  createdAt: number;
  updatedAt: number;
  deletedAt?: number;
  status: ServiceStatus;
  /** What DescribeService shows: the requested configuration, even while it is being deployed. */
  config: ServiceConfig;
  /** What the running instances were deployed with; the app behind ServiceUrl behaves by this one. */
  deployed?: ServiceConfig;
  operations: OperationRecord[];
}

export interface ConnectorRecord {
  arn: string;
  name: string;
  revision: number;
  region: string;
  subnets: string[];
  securityGroups: string[];
  /** Internal: the subnets' VPC and AZ ids, read from EC2 at creation (subnets cannot move). */
  vpcId: string;
  azIds: string[];
  status: 'ACTIVE' | 'INACTIVE';
  createdAt: number;
  deletedAt?: number;
}

export type IngressConnectionStatus =
  | 'AVAILABLE'
  | 'PENDING_CREATION'
  | 'PENDING_UPDATE'
  | 'PENDING_DELETION'
  | 'FAILED_CREATION'
  | 'FAILED_UPDATE'
  | 'FAILED_DELETION'
  | 'DELETED';

/** A VPC ingress connection: a private service reachable through an interface endpoint in one VPC. */
export interface IngressConnectionRecord {
  arn: string;
  name: string;
  region: string;
  serviceArn: string;
  vpcId: string;
  vpcEndpointId: string;
  status: IngressConnectionStatus;
  domainName: string;
  createdAt: number;
  deletedAt?: number;
}

/**
 * An ECS Express Mode service (sandbox/ecs/): what CreateExpressGatewayService asked for, in the API's own
 * JSON form (ExpressGatewayServiceConfiguration members), and its lifecycle.
 */
export interface ExpressServiceRecord {
  arn: string;
  /** 32 hex: the fake application's path, `/_apps/<id>`, as for App Runner services. */
  id: string;
  name: string;
  cluster: string;
  region: string;
  infrastructureRoleArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  /** The one active configuration (executionRoleArn, primaryContainer, networkConfiguration, ...). */
  config: Json;
  /** Internal: the subnets' VPC (subnets cannot move). */
  vpcId: string;
  accessType: 'PUBLIC' | 'PRIVATE';
  tags: { key: string; value?: string }[];
  createdAt: number;
  updatedAt: number;
  /** When the current deployment's tasks pass their health check and the load balancer serves them. */
  servingFrom: number;
  revision: number;
}

export class Store {
  readonly services = new Map<string, ServiceRecord>();
  /** ECS Express services by ARN. */
  readonly expressServices = new Map<string, ExpressServiceRecord>();
  readonly connectors = new Map<string, ConnectorRecord>();
  readonly ingressConnections = new Map<string, IngressConnectionRecord>();
  readonly tags = new Map<string, Map<string, string>>();
  /** Last revision used per region+connector name: recreating a deleted name gets the next one. */
  readonly connectorRevisions = new Map<string, number>();

  clear(): void {
    this.services.clear();
    this.expressServices.clear();
    this.connectors.clear();
    this.ingressConnections.clear();
    this.tags.clear();
    this.connectorRevisions.clear();
  }

  servicesIn(region: string): ServiceRecord[] {
    return [...this.services.values()].filter((s) => s.region === region);
  }

  connectorsIn(region: string): ConnectorRecord[] {
    return [...this.connectors.values()].filter((c) => c.region === region);
  }

  serviceById(id: string): ServiceRecord | undefined {
    return [...this.services.values()].find((s) => s.id === id);
  }
}

export function nowSeconds(): number {
  return Date.now() / 1000;
}
