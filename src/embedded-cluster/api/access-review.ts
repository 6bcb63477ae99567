/**
 * authorization.k8s.io/v1: SelfSubjectAccessReview and SelfSubjectRulesReview, what `kubectl auth can-i`
 * asks. Every request is allowed unless the cluster's access rules deny it (no authentication, no RBAC):
 * the answer is computed from those rules, and nothing is stored.
 */
import type { AccessRules } from '../access-rules.js';
import type { Obj } from '../object-store.js';
import type { ResourceType } from '../resource-types.js';
import { checkAgainstSchema } from '../schema/body-checks.js';
import { badRequest, methodNotAllowed, pageNotFound } from './status-errors.js';

type Rec = Record<string, unknown>;

export const ACCESS_REVIEW_GROUP = 'authorization.k8s.io';

function reviewType(kind: string): ResourceType {
  return {
    group: ACCESS_REVIEW_GROUP,
    version: 'v1',
    kind,
    plural: `${kind.toLowerCase()}s`,
    singular: kind.toLowerCase(),
    namespaced: false,
    shortNames: [],
    categories: [],
    statusSubresource: false,
    generation: false,
    strategicMerge: false,
  };
}

/** The review kinds: created (answered), never stored, so not in the resource registry. */
export const ACCESS_REVIEW_TYPES: readonly ResourceType[] = [
  reviewType('SelfSubjectAccessReview'),
  reviewType('SelfSubjectRulesReview'),
];

export function accessReviewResources() {
  return ACCESS_REVIEW_TYPES.map((t) => ({
    name: t.plural,
    singularName: t.singular,
    namespaced: false,
    kind: t.kind,
    verbs: ['create'],
  }));
}

function accessReview(body: Rec, access: AccessRules | undefined): Rec {
  const spec = (body.spec ?? {}) as Rec;
  const attributes = spec.resourceAttributes as Rec | undefined;
  let allowed = true;
  if (attributes) {
    const resource = attributes.subresource
      ? `${String(attributes.resource ?? '')}/${String(attributes.subresource)}`
      : String(attributes.resource ?? '');
    allowed =
      access?.allows(
        String(attributes.verb ?? ''),
        String(attributes.group ?? ''),
        resource,
        attributes.namespace ? String(attributes.namespace) : undefined,
      ) ?? true;
  } else if (!spec.nonResourceAttributes) {
    throw badRequest(
      'SelfSubjectAccessReview is invalid: spec.resourceAttributes: Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  }
  return {
    ...body,
    metadata: { ...((body.metadata as Rec | undefined) ?? {}), creationTimestamp: null },
    status: { allowed, ...(allowed ? {} : { reason: "denied by the embedded cluster's access rules" }) },
  };
}

function rulesReview(body: Rec, access: AccessRules | undefined): Rec {
  const denies = access?.hasDenials() ?? false;
  return {
    ...body,
    metadata: { ...((body.metadata as Rec | undefined) ?? {}), creationTimestamp: null },
    status: {
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: denies,
      ...(denies
        ? {
            evaluationError:
              "some requests are denied by the embedded cluster's access rules, which are not RBAC rules; ask for one with kubectl auth can-i VERB RESOURCE",
          }
        : {}),
    },
  };
}

/** Answers a POST to `/apis/authorization.k8s.io/v1/<resource>`. */
export function serveAccessReview(
  method: string,
  resource: string | undefined,
  body: unknown,
  access: AccessRules | undefined,
  fieldValidation?: string,
): Rec {
  const review =
    resource === 'selfsubjectaccessreviews'
      ? accessReview
      : resource === 'selfsubjectrulesreviews'
        ? rulesReview
        : undefined;
  if (!review) throw pageNotFound();
  if (method !== 'POST') throw methodNotAllowed();
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('the request body must be a JSON object');
  const type = ACCESS_REVIEW_TYPES.find((t) => t.plural === resource)!;
  checkAgainstSchema(type, body as Obj, { via: 'body' }, { fieldValidation });
  return review(body as Rec, access);
}
