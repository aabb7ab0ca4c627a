import type {
  ContextConfigDefault, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault, RouteGenericInterface, RouteHandlerMethod, RouteShorthandOptions,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteSpec, RouteTable } from '../../../shared/contract.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route-table key a route was registered from (set by routesFrom, checked by requireContract). */
    contract?: string;
  }
}

type Handler<S> = RouteHandlerMethod<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, RouteGenericInterface, ContextConfigDefault, S & object, ZodTypeProvider>;
/** What a route may add beside its contract: access, rate limits, body size, a look at the raw body (a signature check), its OpenAPI tags. */
type RouteOptions = Pick<RouteShorthandOptions, 'config' | 'bodyLimit' | 'preParsing'> & { tags?: string[] };

const TABLES = Symbol.for('ncpp.routeTables');
type WithTables = FastifyInstance & { [TABLES]?: RouteTable[] };

/**
 * Registers routes only from a shared route table: the path, method and every schema come from
 * the table, so what the server validates and what the web client is typed against are the
 * same objects.
 */
export function routesFrom<T extends RouteTable>(app: FastifyInstance, table: T, tags: string[]) {
  const tables = ((app as WithTables)[TABLES] ??= []);
  if (!tables.includes(table)) tables.push(table);
  return function on<K extends keyof T & string>(key: K, { tags: ownTags, config, ...options }: RouteOptions, handler: Handler<T[K]>) {
    const [method, url] = key.split(' ') as [string, string];
    const { consumes, ...schemas } = table[key] as RouteSpec;
    app.withTypeProvider<ZodTypeProvider>().route({
      method: method as 'GET',
      url,
      ...options,
      config: { ...config, contract: key },
      schema: { tags: ownTags ?? tags, ...(consumes ? { consumes: [...consumes] } : {}), ...schemas },
      handler: handler as RouteHandlerMethod,
    });
  };
}

/** The route tables an app's routes were registered from. */
export const routeTablesOf = (app: FastifyInstance): RouteTable[] => [...((app as WithTables)[TABLES] ?? [])];

/**
 * Refuses at start-up any API route that does not come from a route table, so a route the web
 * cannot be typed against (or one without a response schema) never ships.
 */
export function requireContract(app: FastifyInstance, prefix = '/api/v1/') {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(prefix) || route.method === 'HEAD') return;
    const key = `${String(route.method)} ${route.url}`;
    if (route.config?.contract !== key) throw new Error(`Route ${key} is not registered from a route table (src/shared/<module>.ts); use routesFrom().`);
  });
}
