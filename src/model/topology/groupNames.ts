// How a security group is named to people. EC2 refuses a GroupName starting with "sg-", so the runbook's
// sg-apprunner and sg-rds live in the groups' Name tags (what the console shows) and the GroupNames are
// names AWS accepts (docs/design.md, 'Security group names'). A configured name finds a group by GroupName first, then by Name tag.

export interface NamedGroup {
  name: string;
  tags: Record<string, string>;
}

/** True when the group's GroupName is `name`, or its Name tag is `nameTag` (or `name`). */
export function matchesGroupName(group: NamedGroup, name: string | undefined, nameTag?: string): boolean {
  const tag = group.tags.Name;
  return (Boolean(name) && (group.name === name || tag === name)) || (Boolean(nameTag) && tag === nameTag);
}

/** The group called `name`: by GroupName first (unique in a VPC), else by Name tag (`nameTag`, else `name`). */
export function findGroupByName<T extends NamedGroup>(
  groups: readonly T[],
  name: string | undefined,
  nameTag?: string,
): T | undefined {
  return (
    (name ? groups.find((g) => g.name === name) : undefined) ?? groups.find((g) => matchesGroupName(g, name, nameTag))
  );
}

/** `sg-rds (kyudai-db-sg)`: the Name tag people know the group by, and its GroupName when they differ. */
export function groupLabel(group: NamedGroup): string {
  const tag = group.tags.Name;
  return tag && tag !== group.name ? `${tag} (${group.name})` : group.name;
}
