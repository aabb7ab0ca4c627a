import pino from 'pino';
import type { Config } from './config.js';

/**
 * JSON logs with request ids. Request logs carry method, route and status only: never
 * bodies, query strings or headers, which may hold names, phone numbers or tokens.
 */
export function createLogger(config: Config) {
  return pino({
    level: config.env === 'test' ? 'silent' : config.logLevel,
    serializers: {
      req: (req: { id: string; method: string; routeOptions?: { url?: string } }) => ({ id: req.id, method: req.method, route: req.routeOptions?.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'body', 'password', '*.password', 'token', '*.token'], remove: true },
  });
}
