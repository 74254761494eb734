import {
  buildASTSchema,
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  getNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isUnionType,
  Kind,
  parse,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';
import { hasEnded, parseDatedReason } from './dated-deprecation.js';

/**
 * Compares the schema the code builds with the released baseline (schema/released/schema.graphql).
 * Elements whose dated deprecation period has ended are taken out of the baseline first, so graphql-js'
 * findBreakingChanges reports only what the contract forbids; types only those elements reached go too.
 */
export interface ContractInput {
  /** SDL of the released baseline. */
  released: string;
  current: GraphQLSchema | string;
  /** YYYY-MM-DD in UTC. */
  today: string;
  /** YYYY-MM-DD of the baseline's release: a deprecation added since may not be dated earlier. */
  releasedOn?: string;
}

export interface ContractReport {
  /** Breaking changes no ended deprecation period covers: the contract test fails on these. */
  breaking: string[];
  /** Deprecations of the current schema without a valid dated reason, or dated to shorten the period. */
  badDeprecations: string[];
  /** Changes that may surprise a client (a new enum value, a changed default): warnings only. */
  dangerous: string[];
  /** Schema coordinates of released elements whose period has ended: free to drop or change. */
  ended: string[];
}

export function checkContract({ released, current, today, releasedOn }: ContractInput): ContractReport {
  const releasedDocument = parse(released);
  const releasedSchema = buildASTSchema(releasedDocument);
  const currentSchema = typeof current === 'string' ? buildSchema(current) : current;
  const releasedReasons = deprecationReasons(releasedSchema);

  const ended = [...releasedReasons]
    .filter(([, reason]) => {
      const parsed = parseDatedReason(reason);
      return parsed.ok && hasEnded(parsed.deprecation, today);
    })
    .map(([coordinate]) => coordinate)
    .sort();
  const contract = withoutNewlyUnreachableTypes(releasedSchema, buildASTSchema(withoutElements(releasedDocument, new Set(ended))));

  return {
    breaking: findBreakingChanges(contract, currentSchema).map((change) => change.description).sort(),
    badDeprecations: badDeprecations(deprecationReasons(currentSchema), releasedReasons, releasedOn),
    dangerous: findDangerousChanges(contract, currentSchema).map((change) => change.description).sort(),
    ended,
  };
}

/** The newest dated release heading of a Keep a Changelog file ("## [1.0.0] - 2026-12-03"). */
export function latestReleaseDate(changelog: string): string | undefined {
  return /^## \[[^\]]+\] - (\d{4}-\d{2}-\d{2})\s*$/m.exec(changelog)?.[1];
}

function badDeprecations(current: Map<string, string>, released: Map<string, string>, releasedOn: string | undefined): string[] {
  const problems: string[] = [];
  for (const [coordinate, reason] of current) {
    const parsed = parseDatedReason(reason);
    if (!parsed.ok) {
      problems.push(`${coordinate}: ${parsed.problem}`);
      continue;
    }
    const { deprecatedOn, removalAfter } = parsed.deprecation;
    const releasedReason = released.get(coordinate);
    const releasedDeprecation = releasedReason === undefined ? undefined : parseDatedReason(releasedReason);
    if (releasedDeprecation?.ok && removalAfter < releasedDeprecation.deprecation.removalAfter) {
      problems.push(`${coordinate}: removal after ${removalAfter} is earlier than the released ${releasedDeprecation.deprecation.removalAfter}`);
    }
    // Backdating a new deprecation would let it be removed sooner than the period after integrators could see it.
    if (releasedReason === undefined && releasedOn !== undefined && deprecatedOn < releasedOn) {
      problems.push(`${coordinate}: deprecated ${deprecatedOn}, before the released baseline of ${releasedOn}`);
    }
  }
  return problems.sort();
}

/** Every deprecation of a schema by schema coordinate (Type.field, Type.field(arg:), Enum.VALUE, @directive(arg:)). */
function deprecationReasons(schema: GraphQLSchema): Map<string, string> {
  const reasons = new Map<string, string>();
  const note = (coordinate: string, reason: string | null | undefined) => {
    if (reason != null) reasons.set(coordinate, reason);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        note(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) note(`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) note(`${type.name}.${field.name}`, field.deprecationReason);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) note(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    for (const arg of directive.args) note(`@${directive.name}(${arg.name}:)`, arg.deprecationReason);
  }
  return reasons;
}

const OWNER_KINDS = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_EXTENSION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.ENUM_TYPE_EXTENSION,
]);

/** The SDL without the fields, arguments, input fields and enum values at the given coordinates. */
function withoutElements(document: DocumentNode, coordinates: Set<string>): DocumentNode {
  let owner = '';
  let field = '';
  const drop = (coordinate: string) => (coordinates.has(coordinate) ? null : undefined);
  return visit(document, {
    enter(node: ASTNode) {
      if (OWNER_KINDS.has(node.kind) || node.kind === Kind.DIRECTIVE_DEFINITION) {
        const name = (node as { name: { value: string } }).name.value;
        owner = node.kind === Kind.DIRECTIVE_DEFINITION ? `@${name}` : name;
        field = '';
        return undefined;
      }
      switch (node.kind) {
        case Kind.FIELD_DEFINITION:
          field = node.name.value;
          return drop(`${owner}.${field}`);
        case Kind.INPUT_VALUE_DEFINITION:
          if (owner.startsWith('@')) return drop(`${owner}(${node.name.value}:)`);
          return drop(field ? `${owner}.${field}(${node.name.value}:)` : `${owner}.${node.name.value}`);
        case Kind.ENUM_VALUE_DEFINITION:
          return drop(`${owner}.${node.name.value}`);
        default:
          return undefined;
      }
    },
  });
}

/**
 * Drops the types that only removed elements reached (a type cannot be deprecated itself, so it
 * leaves with its last field). Types the released schema never reached from a root stay.
 */
function withoutNewlyUnreachableTypes(released: GraphQLSchema, stripped: GraphQLSchema): GraphQLSchema {
  const reachedBefore = reachableTypeNames(released);
  const reachedAfter = reachableTypeNames(stripped);
  const config = stripped.toConfig();
  const types = config.types.filter((type) => isIntrospectionType(type) || reachedAfter.has(type.name) || !reachedBefore.has(type.name));
  return new GraphQLSchema({ ...config, types });
}

function reachableTypeNames(schema: GraphQLSchema): Set<string> {
  const reached = new Set<string>();
  const pending: GraphQLNamedType[] = [];
  const reach = (type: GraphQLType | null | undefined) => {
    if (!type) return;
    const named = getNamedType(type);
    if (reached.has(named.name)) return;
    reached.add(named.name);
    pending.push(named);
  };
  reach(schema.getQueryType());
  reach(schema.getMutationType());
  reach(schema.getSubscriptionType());
  for (const directive of schema.getDirectives()) for (const arg of directive.args) reach(arg.type);
  for (let type = pending.pop(); type; type = pending.pop()) {
    if (isObjectType(type) || isInterfaceType(type)) {
      type.getInterfaces().forEach(reach);
      for (const field of Object.values(type.getFields())) {
        reach(field.type);
        for (const arg of field.args) reach(arg.type);
      }
    }
    // A client can receive any implementation or member through an abstract field.
    if (isInterfaceType(type)) {
      const { objects, interfaces } = schema.getImplementations(type);
      [...objects, ...interfaces].forEach(reach);
    }
    if (isUnionType(type)) type.getTypes().forEach(reach);
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) reach(field.type);
  }
  return reached;
}
