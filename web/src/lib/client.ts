import { Client, cacheExchange, fetchExchange, mapExchange, type CombinedError } from 'urql';
import type { Lang } from './i18n';

// One GraphQL client for the console. Every request carries the session's
// token and the user's language (Accept-Language), so userErrors and other
// server texts come back in that language.

let current: { token: string | null; lang: Lang } = { token: null, lang: 'vi' };

export function setRequestContext(token: string | null, lang: Lang) {
  current = { token, lang };
}

/** Whether an error means the session is gone (expired or revoked token). */
export function isUnauthenticated(err: CombinedError | undefined): boolean {
  if (!err) return false;
  const status = (err.response as Response | undefined)?.status;
  return status === 401 || err.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

export function isForbidden(err: CombinedError | undefined): boolean {
  return !!err?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN');
}

export function createClient(onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
    fetchOptions: () => {
      const headers: Record<string, string> = { 'Accept-Language': current.lang === 'en' ? 'en' : 'vi' };
      if (current.token) headers.Authorization = `Bearer ${current.token}`;
      return { headers };
    },
    exchanges: [
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}
