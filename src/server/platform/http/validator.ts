import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { findUnsafeText } from '../../../shared/text.js';

/** A validation issue in the shape zod's issues take in the error handler (keyword, instancePath, params). */
export type ValidationIssue = { keyword: string; instancePath: string; params: Record<string, unknown> };

/**
 * zod's validator, after the platform's text rule (shared/text.ts) over everything the request
 * carries (params, query, body): a NUL or an unpaired surrogate in any field is a 422 naming
 * that field, in every route at once, instead of a 500 from the database.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data: unknown) => {
    const unsafe = findUnsafeText(data);
    if (unsafe) {
      const issue: ValidationIssue = { keyword: 'unsafe_text', instancePath: `/${unsafe.path.join('/')}`, params: { problem: unsafe.problem } };
      return { error: [issue] as unknown as Error };
    }
    return validate(data);
  };
};

export function isValidationIssueList(value: unknown): value is ValidationIssue[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v?.keyword === 'string' && typeof v?.instancePath === 'string');
}
