// The steps a plan is made of: small plain values (shown to the user, serialised by the CLI's --json, and
// executed by src/engine). A step names things by what can be re-found later (group name + VPC, connector
// name), because ids of things created earlier in the same run are not known when planning.
import type { Localized } from '../common/awsError';

export type StepId =
  | 'create-apprunner-sg'
  | 'revoke-default-egress'
  | 'revoke-default-egress-ipv6'
  | 'authorize-egress-db'
  | 'authorize-egress-https'
  | 'authorize-egress-dns'
  | 'authorize-egress-https-ipv6'
  | 'authorize-egress-dns-ipv6'
  | 'authorize-db-ingress'
  | 'create-connector'
  | 'attach-connector'
  | 'wait-for-service'
  | 'check-health'
  | 'check-db-health'
  | 'detach-connector'
  | 'delete-connector'
  | 'enable-dns-support'
  | 'enable-dns-hostnames';

/** The VPC attributes a connector's DNS needs (not part of the runbook's setup: a diagnosis fix). */
export type VpcDnsAttribute = 'enableDnsSupport' | 'enableDnsHostnames';

/** A security group by GroupName in a VPC; `id` once it exists. */
export interface GroupRef {
  name: string;
  vpcId: string;
  id?: string;
  /** Its Name tag (the runbook's sg-apprunner / sg-rds): what titles show, and a second way to re-find it. */
  nameTag?: string;
}

/** One rule to add or remove: either to/from a CIDR or a referenced group, never both. */
export interface RuleSpec {
  protocol: 'tcp' | 'udp' | '-1';
  fromPort: number;
  toPort: number;
  cidrIpv4?: string;
  /** Only for a DUAL_STACK service's 443/53 twins and the IPv6 allow-all revoke. */
  cidrIpv6?: string;
  group?: GroupRef;
  description?: string;
}

export interface ServiceRef {
  name: string;
  arn: string;
}

/** The AWS API action a step calls and the parameters shown to the user (placeholders for ids not known yet). */
export interface ApiCall {
  action: string;
  params: Record<string, string | number | string[]>;
}

interface StepBase {
  title: Localized;
  apiCall: ApiCall;
  /** False for waits and checks: a plan whose steps are all non-mutating changes nothing. */
  mutating: boolean;
}

export type PlanStep = StepBase &
  (
    | {
        id: 'create-apprunner-sg';
        kind: 'create-security-group';
        group: GroupRef;
        description: string;
        tags: Record<string, string>;
      }
    | {
        id: 'revoke-default-egress' | 'revoke-default-egress-ipv6';
        kind: 'revoke-egress';
        group: GroupRef;
        rule: RuleSpec;
      }
    | { id: EgressStepId; kind: 'authorize-egress'; group: GroupRef; rule: RuleSpec }
    | { id: 'authorize-db-ingress'; kind: 'authorize-ingress'; group: GroupRef; rule: RuleSpec }
    | {
        id: 'create-connector';
        kind: 'create-connector';
        connectorName: string;
        subnetIds: string[];
        securityGroups: GroupRef[];
        tags: Record<string, string>;
      }
    | {
        id: 'attach-connector';
        kind: 'attach-connector';
        service: ServiceRef;
        connectorName: string;
        vpcConnectorArn?: string;
      }
    | { id: 'wait-for-service'; kind: 'wait-for-service'; service: ServiceRef }
    | {
        id: 'check-health' | 'check-db-health';
        kind: 'check-health';
        service: ServiceRef;
        path: string;
        expectDatabase: boolean;
        /**
         * Why the check cannot pass yet, when the plan leaves a needed rule to someone else (an IaC-owned DB
         * group): it is asked once and fails with this reason, instead of being waited for.
         */
        blockedBy?: Localized;
      }
    | { id: 'detach-connector'; kind: 'detach-connector'; service: ServiceRef }
    | { id: 'delete-connector'; kind: 'delete-connector'; connectorName: string; connectorArn: string }
    | {
        id: 'enable-dns-support' | 'enable-dns-hostnames';
        kind: 'enable-vpc-attribute';
        vpcId: string;
        attribute: VpcDnsAttribute;
      }
  );

export type StepKind = PlanStep['kind'];

export type EgressStepId =
  | 'authorize-egress-db'
  | 'authorize-egress-https'
  | 'authorize-egress-dns'
  | 'authorize-egress-https-ipv6'
  | 'authorize-egress-dns-ipv6';

export type WarningCode =
  | 'db-port-open-to-world'
  | 'apprunner-group-allows-all-egress'
  | 'apprunner-group-extra-egress'
  | 'old-connector-kept'
  | 'previous-connector-unused'
  /** A snapshot of one service: whether another service uses this connector was not asked yet (it costs a call per service). */
  | 'connector-users-unknown'
  | 'service-operation-in-progress'
  /** The connector subnets have no default route that reaches the internet (NAT, transit gateway, appliance). */
  | 'no-internet-egress'
  /** The group named for App Runner is the VPC's default group, serves other interfaces, or an IaC tool owns it. */
  | 'apprunner-group-replaced'
  /** A resource the plan would change is owned by CloudFormation/Terraform: left alone, the stack must change. */
  | 'iac-owned-resource'
  /** The DB's group also serves other interfaces: the ingress rule reaches them too. */
  | 'db-group-shared'
  /** Through an RDS Proxy: the proxy -> target hop is checked and reported, never changed. */
  | 'proxy-target-hop'
  /** A private service's health paths cannot be called from here. */
  | 'health-not-checked-private'
  // Blockers (planBlockers.ts): apply stops before its first write unless told to go on anyway.
  /** A network ACL denies the DB port between the connector subnets and the database's. */
  | 'nacl-denies-db-port'
  /** A network ACL denies the replies on the ephemeral ports (network ACLs are stateless). */
  | 'nacl-missing-ephemeral-return'
  /** The database (or the one behind the proxy) is stopped or otherwise not `available`. */
  | 'db-not-available'
  /** DNS resolution is off in the VPC: the database endpoint cannot be resolved through the connector. */
  | 'vpc-dns-support-off'
  /** The database URL names a private host (a Route 53 private zone) and DNS hostnames are off. */
  | 'private-name-dns-off'
  /** The database's private zone name is not associated with the connector's VPC: it does not resolve there. */
  | 'private-zone-not-associated'
  /** Connector subnets in an AZ App Runner VPC connectors do not support. */
  | 'connector-az-unsupported';

export interface PlanWarning {
  code: WarningCode;
  message: Localized;
  /** Rule ids, group ids, ACL entries (`acl-...#90`), or connector ARNs the warning is about. */
  evidence: string[];
  /**
   * Set on a blocker: the plan's own checks will fail for a reason the plan does not change. `fix` says what
   * to do; `blocks` names the check steps that carry it as `blockedBy`. Apply stops before its first write.
   */
  blocker?: { fix: Localized; blocks: Array<'check-health' | 'check-db-health'> };
}

export interface Plan {
  kind: 'setup' | 'detach' | 'delete-connector';
  steps: PlanStep[];
  warnings: PlanWarning[];
  notes: Localized[];
}

/** The warnings that stop apply before its first write (unless it is told to go on anyway). */
export function planBlockers(plan: Plan): PlanWarning[] {
  return plan.warnings.filter((w) => w.blocker !== undefined);
}

export function hasChanges(plan: Plan): boolean {
  return plan.steps.some((s) => s.mutating);
}
