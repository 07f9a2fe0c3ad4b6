import { Type, type Static, type TSchema } from '@fastify/type-provider-typebox';

/**
 * A nullable primitive (or, in a reply, an object or an array) as a JSON-schema type array (`type: ['integer', 'null']`). With Ajv's type coercion on, an
 * `anyOf` of the type and null coerces one into the other (null → 0, or 0 → null); a type array coerces neither
 * when the value already matches one of the types.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const { type, enum: values, ...rest } = schema as unknown as { type: string; enum?: unknown[] };
  return Type.Unsafe<Static<T> | null>({ ...rest, type: [type, 'null'], ...(values ? { enum: [...values, null] } : {}) });
}

/** One of the given strings, or null. */
export function NullableEnum<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number] | null>({ type: ['string', 'null'], enum: [...values, null] });
}

/**
 * One of the given strings, as an `anyOf` of constants (the shape request validation and its messages expect), typed as
 * their union: TypeBox 1.x types `Type.Union(values.map(Type.Literal))` over a non-tuple array as `never`.
 */
export function OneOf<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
}

/**
 * One of the given strings in a reply, typed as their union: a plain string to the serializer (an `anyOf` of
 * constants would be validated branch by branch for every value written).
 */
export function StringEnum<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}
