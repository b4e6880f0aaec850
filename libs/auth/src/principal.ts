import type { Grant } from './grants';

/** Who is calling: a person signed in through the identity provider, a machine with an API key, or the platform itself. */
export interface Principal {
  /** Stable id: the token's `iss` + `sub` for people, `api-key:<id>` for machines, the component for the system. */
  subject: string;
  /** What to show: the person's name or email, the key's name, the component. */
  name: string;
  kind: 'person' | 'machine' | 'system';
  /** A person's email, as the identity provider vouches for it: how a reporter's own reports are known. */
  email?: string;
  grants: readonly Grant[];
}

/** Who acted, as every event's metadata records it. */
export interface Actor {
  subject: string;
  name: string;
  kind: Principal['kind'];
}

export const actorOf = ({ subject, name, kind }: Principal): Actor => ({ subject, name, kind });

/** A component of the platform acting on its own (the SLA timer, a consumer). */
export const systemActor = (component: string): Actor => ({
  subject: `system:${component}`,
  name: component,
  kind: 'system',
});
