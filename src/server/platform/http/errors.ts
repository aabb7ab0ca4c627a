import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate, type Lang } from '../../../shared/i18n/index.js';
import { isConnectionError } from '../db/availability.js';
import { AppError, type FieldIssue } from '../errors.js';
import { requestLang } from './context.js';
import { isValidationIssueList } from './validator.js';

type ZodLikeIssue = { keyword: string; instancePath: string; params: Record<string, unknown> };

/** The message id for a zod issue: the code, refined by what was too small or too big. */
function validationMessageId(issue: ZodLikeIssue): string {
  const origin = typeof issue.params.origin === 'string' ? issue.params.origin : '';
  if ((issue.keyword === 'too_small' || issue.keyword === 'too_big') && origin) {
    return `validation.${issue.keyword}_${origin === 'string' ? 'string' : origin === 'array' ? 'array' : 'number'}`;
  }
  // A refinement names its message (`refine(..., { message: 'date_in_future' })`): use it when the catalogue has it.
  if (issue.keyword === 'custom' && typeof issue.params.message === 'string' && /^[a-z_]+$/.test(issue.params.message)) return `validation.custom_${issue.params.message}`;
  return `validation.${issue.keyword}`;
}

export function fieldIssues(lang: Lang, issues: ZodLikeIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const params = { ...issue.params };
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const id = validationMessageId(issue);
    const text = translate(lang, id, params);
    return { path, code: issue.keyword, message: text === id ? translate(lang, 'validation.custom', params) : text };
  });
}

/**
 * Translates field issues raised by services (their message is empty; the code is the id):
 * a service's own codes live under errors.field, zod's codes (a form validated inside a
 * service) under validation.
 */
export function localiseIssues(lang: Lang, issues: FieldIssue[]): FieldIssue[] {
  return issues.map((i) => {
    if (i.message) return i;
    const own = `errors.field.${i.code}`;
    const text = translate(lang, own, i.params ?? {});
    return { ...i, message: text !== own ? text : translate(lang, validationMessageId({ keyword: i.code, instancePath: '', params: i.params ?? {} }), i.params ?? {}) };
  });
}

/**
 * One error shape for every failure: `{ error: { code, message, details } }`, the message in
 * the caller's language. Unexpected errors are logged with the request id and answered with
 * a generic 500: no stack trace or SQL ever reaches the client.
 */
export function errorHandler(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) {
  const lang = req.lang ?? requestLang(req);
  const validation = (err as FastifyError).validation;
  if (hasZodFastifySchemaValidationErrors(err) || isValidationIssueList(validation)) {
    const details = fieldIssues(lang, validation as unknown as ZodLikeIssue[]);
    return reply.status(422).send({ error: { code: 'validation', message: translate(lang, 'errors.validation'), details } });
  }
  if (err instanceof AppError) {
    const details = Array.isArray(err.details) ? localiseIssues(lang, err.details) : err.details ?? null;
    return reply.status(err.status).send({ error: { code: err.code, message: translate(lang, `errors.${err.messageId}`, err.params), details } });
  }
  const status = (err as FastifyError).statusCode ?? 500;
  if (status === 429) {
    return reply.status(429).send({ error: { code: 'rate_limited', message: translate(lang, 'errors.rate_limited'), details: null } });
  }
  if (status >= 400 && status < 500) {
    // Malformed JSON, body too large, unsupported media type: the client's mistake.
    const code = status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
    return reply.status(status).send({ error: { code, message: translate(lang, `errors.${code}`), details: null } });
  }
  if (isConnectionError(err)) {
    req.log.warn({ err: { message: err.message } }, 'database unavailable');
    return reply.status(503).header('retry-after', '5').send({ error: { code: 'unavailable', message: translate(lang, 'errors.unavailable'), details: null } });
  }
  req.log.error({ err: { message: err.message, stack: err.stack } }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: translate(lang, 'errors.internal'), details: { requestId: String(req.id) } } });
}
