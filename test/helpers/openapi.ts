import { startTestApp } from './app.ts';

/** The OpenAPI document the server serves, from an app on an empty in-memory store. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const t = await startTestApp({ seed: false });
  try {
    return (await t.anonymous.get('/api/openapi.json')).body as Record<string, unknown>;
  } finally {
    await t.close();
  }
}
