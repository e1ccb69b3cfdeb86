// A real OpenID provider for carepath's tests: panva/oidc-provider (OpenID
// Certified), configured from a JSON file, listening on 127.0.0.1.
//
//   node provider.mjs CONFIG.json
//
// CONFIG: { port (0 = any free port), jwks: {keys: [private JWKs, first signs]},
//           resources: [audience URIs], clients: [client metadata],
//           accounts: {id: {name, roles, groups}}, service_accounts: {client_id: {roles, groups}},
//           short_ttl_clients: [client ids whose access tokens live 1 s] }
// Prints one JSON line {"issuer": ...} on stdout once it accepts requests.
//
// Access tokens are JWTs for the requested resource (Resource Indicators,
// RFC 8707) and carry `roles` and `groups` (extraTokenClaims); ID tokens and
// userinfo carry them for the `carepath` scope. Logins go through the
// provider's own development interaction (any password) — tests drive that
// form like a user would.
import fs from 'node:fs';
import http from 'node:http';

import Provider, { errors } from 'oidc-provider';

const cfg = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const accounts = cfg.accounts || {};
const services = cfg.service_accounts || {};
const shortTtl = new Set(cfg.short_ttl_clients || []);

function groupClaims(token) {
  if (token.accountId && accounts[token.accountId]) {
    const { roles = [], groups = [] } = accounts[token.accountId];
    return { roles, groups };
  }
  const svc = token.clientId && services[token.clientId];
  return svc ? { roles: svc.roles || [], groups: svc.groups || [] } : undefined;
}

const server = http.createServer();
server.listen(cfg.port || 0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: cfg.clients,
    jwks: cfg.jwks,
    cookies: { keys: ['carepath-test-cookie-key'] },
    scopes: ['openid', 'profile', 'carepath', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], carepath: ['roles', 'groups'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    async findAccount(ctx, id) {
      if (!accounts[id]) return undefined;
      const a = accounts[id];
      return {
        accountId: id,
        async claims() {
          return { sub: id, name: a.name, preferred_username: id, roles: a.roles || [], groups: a.groups || [] };
        },
      };
    },
    extraTokenClaims: async (ctx, token) => groupClaims(token),
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx, client, oneOf) => oneOf || cfg.resources[0],
        useGrantedResource: async () => true,
        getResourceServerInfo: async (ctx, resource, client) => {
          if (!cfg.resources.includes(resource)) throw new errors.InvalidTarget();
          return {
            scope: 'carepath',
            audience: resource,
            accessTokenFormat: 'jwt',
            accessTokenTTL: shortTtl.has(client.clientId) ? 1 : 600,
            jwt: { sign: { alg: cfg.alg || 'RS256' } },
          };
        },
      },
    },
  });
  provider.proxy = false;
  server.on('request', provider.callback());
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
