// TagResource, UntagResource, ListTagsForResource on services, VPC connectors and VPC ingress connections.
import type { EmulatorContext } from './context';
import { notFound } from './errors';
import { setTags } from './services';
import type { Json } from './store';

function requireResource(ctx: EmulatorContext, region: string, arn: unknown): string {
  const key = String(arn);
  const resource =
    ctx.store.services.get(key) ?? ctx.store.connectors.get(key) ?? ctx.store.ingressConnections.get(key);
  if (!resource || resource.region !== region) throw notFound(`Resource with ARN ${key} doesn't exist.`);
  return key;
}

export async function tagResource(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  setTags(ctx, requireResource(ctx, region, input.ResourceArn), input.Tags);
  return {};
}

export async function untagResource(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const map = ctx.store.tags.get(requireResource(ctx, region, input.ResourceArn));
  for (const key of (input.TagKeys as string[] | undefined) ?? []) map?.delete(key);
  return {};
}

export async function listTagsForResource(ctx: EmulatorContext, region: string, input: Json): Promise<Json> {
  const map = ctx.store.tags.get(requireResource(ctx, region, input.ResourceArn)) ?? new Map<string, string>();
  return { Tags: [...map].map(([Key, Value]) => ({ Key, Value })) };
}
