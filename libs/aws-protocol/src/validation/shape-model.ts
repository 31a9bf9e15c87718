/**
 * The input shapes of an AWS API as botocore describes them, kept compact: what the edge validator
 * needs (types, required members, lengths, ranges, patterns, enums), nothing else. Generated into
 * ./shapes by scripts/generate-aws-shapes.mjs.
 */
export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'boolean'
  | 'timestamp'
  | 'blob'
  | 'double'
  | 'float';

export interface Shape {
  type: ShapeType;
  /** Length for strings, lists and maps; value for numbers. */
  min?: number;
  max?: number;
  /** A regular expression the whole value must match (AWS's own, ported to JavaScript). */
  pattern?: string;
  /** Extra flags beyond `u` when the port needed them (`s` for Java's `(?s)`). */
  patternFlags?: string;
  enum?: string[];
  /** The value is never echoed in a message (passwords, tokens, codes). */
  sensitive?: boolean;
  members?: Record<string, string>;
  required?: string[];
  member?: string;
  key?: string;
  value?: string;
}

export interface ServiceShapes {
  /** botocore's name for the API: cognito-idp, cognito-identity, sts, iam. */
  service: string;
  protocol: string;
  /** Operation -> its input shape (null when the operation takes no input). */
  operations: Record<string, string | null>;
  shapes: Record<string, Shape>;
}
