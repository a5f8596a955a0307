import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

// GraphiQL from the binary: its scripts and styles are bundled here, so it
// works on a machine without internet. A console sign-in's token is sent
// along, so queries run as the signed-in user.
const token = localStorage.getItem('innoport.token');
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  headers: token ? { Authorization: `Bearer ${JSON.parse(token).token}` } : undefined,
});

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} />);
