// Who signed a call: the access key in the SigV4 Authorization header, resolved the way the sandbox's STS
// answers GetCallerIdentity for that key (moto: an IAM user's own ARN for a key made with CreateAccessKey,
// the assumed role for AssumeRole's keys, `user/moto` for any other key). Asking moto keeps the record and
// `aws sts get-caller-identity` in agreement. Answers are cached per key until the sandbox is reset.
import { postQueryToMoto } from '../motoQuery';

export interface CallerIdentity {
  type: 'IAMUser' | 'AssumedRole' | 'Root';
  arn: string;
  accountId: string;
  principalId: string;
  accessKeyId: string;
  /** What LookupEvents shows as Username: the user's name, or the role session's name. */
  userName: string;
}

const KEY = /Credential=([^/,\s]+)\//;

export function accessKeyOf(authorization: string): string | undefined {
  return KEY.exec(authorization)?.[1];
}

function tag(xml: string, name: string): string {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
}

/** The identity from GetCallerIdentity's answer (pure; exported for tests). */
export function identityFromSts(xml: string, accessKeyId: string): CallerIdentity {
  const arn = tag(xml, 'Arn');
  const accountId = tag(xml, 'Account');
  const principalId = tag(xml, 'UserId');
  const resource = arn.split(':').slice(5).join(':');
  if (resource.startsWith('assumed-role/')) {
    return { type: 'AssumedRole', arn, accountId, principalId, accessKeyId, userName: resource.split('/')[2] ?? '' };
  }
  if (resource === 'root') return { type: 'Root', arn, accountId, principalId, accessKeyId, userName: 'root' };
  return { type: 'IAMUser', arn, accountId, principalId, accessKeyId, userName: resource.split('/').pop() ?? '' };
}

async function askSts(motoPort: number, accessKeyId: string): Promise<string> {
  const reply = await postQueryToMoto(
    motoPort,
    // moto reads the key and the service from the credential scope; it does not check signatures.
    {
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20200101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0`,
    },
    'Action=GetCallerIdentity&Version=2011-06-15',
  );
  if (reply.status !== 200) throw new Error(`GetCallerIdentity answered ${reply.status}`);
  return reply.body;
}

export class CallerIdentities {
  private readonly cache = new Map<string, Promise<CallerIdentity>>();

  constructor(private readonly motoPort: number) {}

  resolve(accessKeyId: string): Promise<CallerIdentity> {
    let known = this.cache.get(accessKeyId);
    if (!known) {
      known = askSts(this.motoPort, accessKeyId).then((xml) => identityFromSts(xml, accessKeyId));
      // A failed answer is not remembered: the next call asks again.
      known.catch(() => this.cache.delete(accessKeyId));
      this.cache.set(accessKeyId, known);
    }
    return known;
  }

  clear(): void {
    this.cache.clear();
  }
}
