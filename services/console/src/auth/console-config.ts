/** How people sign in here, as the platform serving the console says (`console-config.json`). */
export interface ConsoleConfig {
  oidc?: { issuer: string; clientId: string; scope: string; resource?: string };
}

/** No file (a bare static copy of the console) means API keys only. */
export const loadConsoleConfig = async (): Promise<ConsoleConfig> => {
  const response = await fetch('console-config.json', { cache: 'no-cache' });
  if (response.status === 404) return {};
  if (!response.ok) throw new Error(`console-config.json answered ${response.status}`);
  return (await response.json()) as ConsoleConfig;
};
