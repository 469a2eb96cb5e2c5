// AWS SDK clients pointed straight at moto (not through the front), for seeding and for the emulator's
// own reads: they are neither counted nor subject to injected faults.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { IAMClient } from '@aws-sdk/client-iam';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SSMClient } from '@aws-sdk/client-ssm';
import { secretsManagerClient, type SecretsManagerClient } from './secretsManager';

export interface MotoClients {
  ec2: EC2Client;
  rds: RDSClient;
  logs: CloudWatchLogsClient;
  /** Where the fake application publishes App Runner's metrics (AWS/AppRunner). */
  cloudWatch: CloudWatchClient;
  secrets: SecretsManagerClient;
  /** Parameter Store: the fake application resolves SSM references as App Runner injects them. */
  ssm: SSMClient;
  /** Private hosted zones: the fake application's resolver answers from those of its connector's VPC. */
  route53: Route53Client;
  /** The ECS Express emulator checks the roles it is given exist (IAM is global; moto answers in any region). */
  iam: IAMClient;
  /** Clusters other than `default` are moto's (CreateCluster passes through to it). */
  ecs: ECSClient;
}

export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

export class MotoClientPool {
  private readonly byRegion = new Map<string, MotoClients>();

  constructor(private readonly motoUrl: string) {}

  get(region: string): MotoClients {
    let clients = this.byRegion.get(region);
    if (!clients) {
      const config = { region, endpoint: this.motoUrl, credentials: TEST_CREDENTIALS, maxAttempts: 2 };
      clients = {
        ec2: new EC2Client(config),
        rds: new RDSClient(config),
        logs: new CloudWatchLogsClient(config),
        cloudWatch: new CloudWatchClient(config),
        secrets: secretsManagerClient(this.motoUrl, region),
        ssm: new SSMClient(config),
        route53: new Route53Client(config),
        iam: new IAMClient(config),
        ecs: new ECSClient(config),
      };
      this.byRegion.set(region, clients);
    }
    return clients;
  }

  destroy(): void {
    for (const c of this.byRegion.values()) {
      c.ec2.destroy();
      c.rds.destroy();
      c.logs.destroy();
      c.cloudWatch.destroy();
      c.secrets.destroy();
      c.ssm.destroy();
      c.route53.destroy();
      c.iam.destroy();
      c.ecs.destroy();
    }
    this.byRegion.clear();
  }
}
