import helmet from 'helmet';

/**
 * helmet's headers (CSP allowing only the service's own scripts, which the API docs page
 * uses; no sniffing, no framing by others; HSTS for deployments behind TLS), minus
 * `upgrade-insecure-requests`: the embedded default serves plain http on localhost, where
 * upgrading the docs page's own scripts to https would break it. `connectTo` adds origins the
 * page may call besides its own: the identity provider a console signs in with.
 */
export const securityHeaders = (connectTo: readonly string[] = []) =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: null,
        ...(connectTo.length ? { connectSrc: ["'self'", ...connectTo] } : {}),
      },
    },
  });
