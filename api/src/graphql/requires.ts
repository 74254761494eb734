import type { GraphQLField, GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import type { UserRole } from '../shared/domain/user-role.js';
import type { Permission } from '../policy/permissions.js';

/** The rate limits an operation can count against (rules in rate-limit-rules.ts). */
export type LimitName = 'login' | 'secondFactor' | 'totpCode' | 'passwordCheck' | 'upload' | 'download' | 'enhance';

type Args = Record<string, any>;

/** What a query or mutation declares about access: its one permission, and what the check needs from its arguments. */
export interface AccessDeclaration {
  permission: Permission;
  /** The ids (of the permission's resource) the call touches, from its arguments. */
  ids?: (args: Args) => unknown[];
  /** A role the call would give a user. */
  assignsRole?: (args: Args) => UserRole | undefined;
  /** A rate limit counted once the access check passed. */
  limit?: LimitName;
}

const KEY = 'access';

/**
 * Declares the one permission a query or mutation requires, on the resolver method itself. The
 * shield rule for the field is generated from it (graphql/permissions.ts); a field without one is
 * denied, and a test fails.
 */
export function Requires(permission: Permission, options: Omit<AccessDeclaration, 'permission'> = {}): MethodDecorator {
  return Extensions({ [KEY]: { permission, ...options } satisfies AccessDeclaration });
}

export const declarationOf = (field: GraphQLField<unknown, unknown>): AccessDeclaration | undefined => field.extensions[KEY] as AccessDeclaration | undefined;

/** Every root field (query and mutation) with its declaration, if any. */
export function rootDeclarations(schema: GraphQLSchema): { type: 'Query' | 'Mutation'; field: string; declaration: AccessDeclaration | undefined }[] {
  const roots = [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([type, root]) => Object.values(root?.getFields() ?? {}).map((field) => ({ type, field: field.name, declaration: declarationOf(field) })));
}

/** Helpers for `ids`: the common argument shapes. */
export const idsFrom = {
  arg: (name: string) => (args: Args) => [args[name]],
  /** An optional argument: no id to check when it is left out (the operation then means the caller's own). */
  optionalArg: (name: string) => (args: Args) => (args[name] === null || args[name] === undefined ? [] : [args[name]]),
  list: (name: string) => (args: Args) => (Array.isArray(args[name]) ? args[name] : []),
  input: (name: string) => (args: Args) => [args.input?.[name]],
};
