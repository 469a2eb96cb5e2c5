// DescribeDBInstances as RDS answers it for Aurora cluster members: an instance created into a cluster
// (`create-db-instance --db-cluster-identifier`, no --db-subnet-group-name) is placed in its cluster's DB subnet
// group, and RDS reports that group, with its VpcId and subnets, in the instance's DBSubnetGroup (RDS API
// Reference, CreateDBInstance: "DBSubnetGroupName ... Not applicable ... Amazon Aurora: the DB subnet group is
// managed by the DB cluster"). moto 5.2 leaves DBSubnetGroup out for such an instance. The front passes the call
// to moto and adds the cluster's group, as moto itself answers DescribeDBSubnetGroups for it.
import type { IncomingHttpHeaders } from 'node:http';
import type { WireReply } from '../faultResponses';
import { postQueryToMoto as post } from '../motoQuery';

const GROUP = /<DBSubnetGroup>[\s\S]*?<\/DBSubnetGroup>/;

/** The `<DBSubnetGroup>` element moto gives for `name` (the same shape an instance's answer carries). */
async function subnetGroupXml(motoPort: number, headers: IncomingHttpHeaders, name: string): Promise<string> {
  const params = new URLSearchParams({
    Action: 'DescribeDBSubnetGroups',
    Version: '2014-10-31',
    DBSubnetGroupName: name,
  });
  const reply = await post(motoPort, headers, params.toString());
  return reply.status === 200 ? (GROUP.exec(reply.body)?.[0] ?? '') : '';
}

async function clusterGroupName(motoPort: number, headers: IncomingHttpHeaders, clusterId: string): Promise<string> {
  const params = new URLSearchParams({
    Action: 'DescribeDBClusters',
    Version: '2014-10-31',
    DBClusterIdentifier: clusterId,
  });
  const reply = await post(motoPort, headers, params.toString());
  // The cluster's own <DBSubnetGroup> is the group's name (a string), unlike an instance's element.
  return reply.status === 200 ? (/<DBSubnetGroup>([^<]+)<\/DBSubnetGroup>/.exec(reply.body)?.[1] ?? '') : '';
}

export async function describeDbInstancesWithClusterGroups(
  motoPort: number,
  headers: IncomingHttpHeaders,
  body: string,
): Promise<WireReply> {
  const reply = await post(motoPort, headers, body);
  if (reply.status !== 200) return reply;
  const members = [...reply.body.matchAll(/<DBInstance>[\s\S]*?<\/DBInstance>/g)].map((m) => m[0]);
  let text = reply.body;
  const groups = new Map<string, string>();
  for (const instance of members) {
    const clusterId = /<DBClusterIdentifier>([^<]+)<\/DBClusterIdentifier>/.exec(instance)?.[1];
    if (!clusterId || GROUP.test(instance)) continue;
    if (!groups.has(clusterId)) {
      const name = await clusterGroupName(motoPort, headers, clusterId);
      groups.set(clusterId, name ? await subnetGroupXml(motoPort, headers, name) : '');
    }
    const group = groups.get(clusterId);
    if (group) text = text.replace(instance, instance.replace(/<\/DBInstance>$/, `${group}</DBInstance>`));
  }
  return { ...reply, body: text };
}
