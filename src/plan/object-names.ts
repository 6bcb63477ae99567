/**
 * The name rules the API server enforces, checked before anything is sent, so a bad name fails the plan
 * with the manifest's line rather than half-way through a sync.
 */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

type Rule = { test: (name: string) => boolean; describe: string };

const subdomain = (max: number): Rule => ({
  test: (n) => n.length <= max && SUBDOMAIN.test(n),
  describe: `lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most ${max} characters`,
});
const label: Rule = {
  test: (n) => n.length <= 63 && LABEL.test(n),
  describe:
    'lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
};
const dns1035: Rule = {
  test: (n) => n.length <= 63 && DNS1035_LABEL.test(n),
  describe: 'lower-case letters, digits and "-", starting with a letter, at most 63 characters',
};
/** RBAC objects and custom resources only need to be a valid URL path segment. */
const pathSegment: Rule = {
  test: (n) => n.length > 0 && n !== '.' && n !== '..' && !/[/%]/.test(n),
  describe: 'any text without "/" or "%", other than "." and ".."',
};

const RULES: Readonly<Record<string, Rule>> = {
  '/Namespace': label,
  '/Service': dns1035,
  // A Job's name becomes a label value on its pods; a CronJob's adds an 11-character suffix to it.
  'batch/Job': subdomain(63),
  'batch/CronJob': subdomain(52),
  'rbac.authorization.k8s.io/Role': pathSegment,
  'rbac.authorization.k8s.io/ClusterRole': pathSegment,
  'rbac.authorization.k8s.io/RoleBinding': pathSegment,
  'rbac.authorization.k8s.io/ClusterRoleBinding': pathSegment,
};

const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'storage.k8s.io',
  'rbac.authorization.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'scheduling.k8s.io',
  'node.k8s.io',
  'admissionregistration.k8s.io',
  'certificates.k8s.io',
]);

export function nameRule(group: string, kind: string): Rule {
  return RULES[`${group}/${kind}`] ?? (BUILT_IN_GROUPS.has(group) ? subdomain(253) : pathSegment);
}

/** Undefined when valid; otherwise what a valid name looks like. */
export function checkObjectName(group: string, kind: string, name: string): string | undefined {
  const rule = nameRule(group, kind);
  return rule.test(name) ? undefined : rule.describe;
}

export function checkNamespaceName(name: string): string | undefined {
  return label.test(name) ? undefined : label.describe;
}
