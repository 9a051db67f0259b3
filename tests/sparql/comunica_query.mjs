// Run one SPARQL query with Comunica's JS API against one SPARQL endpoint; print the result as JSON.
//
//   node tests/sparql/comunica_query.mjs http://127.0.0.1:PORT/sparql 'SELECT ...'
//
// Output (one JSON object on stdout), with "requests": every request Comunica made:
//   {"type": "bindings", "rows": [{"var": TERM, ...}, ...]}
//   {"type": "boolean", "value": true}
//   {"type": "quads", "quads": [[S, P, O, G], ...]}
// A TERM is {"termType", "value"}, with "language" and "datatype" for literals.
// Comunica (installed in node/ by `npm ci --prefix tests/sparql/node`) may reach loopback only:
// node/loopback_only.mjs refuses any other socket or look-up and reports them on stderr.
import { check } from './node/loopback_only.mjs';
import { createRequire } from 'node:module';

const [endpoint, query] = process.argv.slice(2);
if (!endpoint || !query) {
  console.error('usage: node comunica_query.mjs ENDPOINT QUERY');
  process.exit(2);
}
const require = createRequire(new URL('./node/package.json', import.meta.url));
const { QueryEngine } = await import(require.resolve('@comunica/query-sparql'));

const requests = [];
function loopbackFetch(input, init) {
  const url = new URL(typeof input === 'string' ? input : input.url ?? String(input));
  requests.push(`${(init && init.method) || 'GET'} ${url.origin}${url.pathname}`);
  check(url.hostname, 'fetch');
  return fetch(input, init);
}

function term(t) {
  const out = { termType: t.termType, value: t.value };
  if (t.termType === 'Literal') {
    out.language = t.language;
    out.datatype = t.datatype.value;
  }
  return out;
}

async function collect(stream) {
  const items = [];
  for await (const item of stream) items.push(item);
  return items;
}

try {
  const result = await new QueryEngine().query(query, {
    sources: [{ type: 'sparql', value: endpoint }],
    fetch: loopbackFetch,
    httpTimeout: 30000,
  });
  let out;
  if (result.resultType === 'bindings') {
    const rows = (await collect(await result.execute())).map((bindings) => {
      const row = {};
      for (const [variable, value] of bindings) row[variable.value] = term(value);
      return row;
    });
    out = { type: 'bindings', rows };
  } else if (result.resultType === 'boolean') {
    out = { type: 'boolean', value: await result.execute() };
  } else if (result.resultType === 'quads') {
    const quads = (await collect(await result.execute()))
      .map((q) => [term(q.subject), term(q.predicate), term(q.object), term(q.graph)]);
    out = { type: 'quads', quads };
  } else {
    throw new Error(`unexpected result type ${result.resultType}`);
  }
  out.requests = requests;
  process.stdout.write(`${JSON.stringify(out)}\n`);
} catch (error) {
  console.error(error && error.stack ? error.stack : String(error));
  process.exitCode = 1;
}
