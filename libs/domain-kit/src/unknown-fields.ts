import {
  ZodArray,
  ZodBranded,
  ZodCatch,
  ZodDefault,
  ZodDiscriminatedUnion,
  ZodEffects,
  ZodLazy,
  ZodNever,
  ZodNullable,
  ZodObject,
  ZodOptional,
  ZodPipeline,
  ZodReadonly,
  ZodRecord,
  type ZodTypeAny,
  ZodUnion,
  type z,
} from 'zod';
import { InvalidCommand, type Issue } from './errors';
import { unstorableStrings } from './storable-strings';
import { fieldPath, issuesOf } from './zod-issues';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const shapes = new WeakMap<ZodTypeAny, ZodTypeAny>();

/**
 * The schema that judges the shape of a value, remembered per schema: every field of every
 * request asks, and each question costs up to eight class checks through zod's exports.
 */
const shapeOf = (schema: ZodTypeAny): ZodTypeAny => {
  let shape = shapes.get(schema);
  if (!shape) shapes.set(schema, (shape = unwrapped(schema)));
  return shape;
};

/** The schema with its wrappers, defaults and refinements taken off. */
const unwrapped = (schema: ZodTypeAny): ZodTypeAny => {
  if (schema instanceof ZodOptional || schema instanceof ZodNullable) return shapeOf(schema.unwrap());
  if (schema instanceof ZodDefault) return shapeOf(schema.removeDefault());
  if (schema instanceof ZodCatch) return shapeOf(schema.removeCatch());
  if (schema instanceof ZodReadonly) return shapeOf(schema._def.innerType);
  if (schema instanceof ZodBranded) return shapeOf(schema.unwrap());
  if (schema instanceof ZodEffects) return shapeOf(schema.innerType());
  if (schema instanceof ZodPipeline) return shapeOf(schema._def.in);
  if (schema instanceof ZodLazy) return shapeOf(schema.schema);
  return schema;
};

/**
 * The fields of `input` its schema does not know: what zod strips silently is, in a request,
 * almost always a client's typo (`stauts`, `reporter.emial`), so it is named instead of
 * ignored, whether or not the rest is valid. In a union, the branch the input fits best judges.
 */
export const unknownFields = (schema: ZodTypeAny, input: unknown): Issue[] => {
  const issues: Issue[] = [];
  walk(schema, input, [], issues);
  return issues;
};

/** One walk with one path, extended and taken back in place: every request is walked, and most hold no issue. */
const walk = (schema: ZodTypeAny, input: unknown, path: Array<string | number>, issues: Issue[]): void => {
  const shape = shapeOf(schema);
  if (shape instanceof ZodArray && Array.isArray(input)) {
    for (let index = 0; index < input.length; index++) {
      path.push(index);
      walk(shape.element, input[index], path, issues);
      path.pop();
    }
    return;
  }
  if (shape instanceof ZodUnion || shape instanceof ZodDiscriminatedUnion) {
    let fewest: Issue[] | undefined;
    for (const option of shape.options as ZodTypeAny[]) {
      const found: Issue[] = [];
      walk(option, input, path, found);
      if (!fewest || found.length < fewest.length) fewest = found;
      if (!fewest.length) break;
    }
    issues.push(...(fewest ?? []));
    return;
  }
  if (!isRecord(input)) return;
  if (shape instanceof ZodRecord) {
    for (const key of Object.keys(input)) {
      path.push(key);
      walk(shape.valueSchema, input[key], path, issues);
      path.pop();
    }
    return;
  }
  if (!(shape instanceof ZodObject)) return;
  const known = shape.shape as Record<string, ZodTypeAny>;
  const open = shape._def.unknownKeys === 'passthrough' || !(shape._def.catchall instanceof ZodNever);
  for (const key of Object.keys(input)) {
    const field = Object.hasOwn(known, key) ? known[key] : undefined;
    if (!field && open) continue;
    path.push(key);
    if (field) walk(field, input[key], path, issues);
    else
      issues.push({
        field: fieldPath(path),
        message: 'unknown field (not part of this request; check its spelling)',
      });
    path.pop();
  }
};

/**
 * Parses a request (body or query) with `schema`, refusing it with an InvalidCommand that names
 * every invalid field, every string that could not be stored and every unknown field at once.
 */
export const parseRequest = <S extends ZodTypeAny>(schema: S, input: unknown): z.output<S> => {
  const result = schema.safeParse(input);
  const issues = [
    ...(result.success ? [] : issuesOf(result.error)),
    ...unstorableStrings(input),
    ...unknownFields(schema, input),
  ];
  if (issues.length || !result.success) throw new InvalidCommand(issues);
  return result.data;
};
