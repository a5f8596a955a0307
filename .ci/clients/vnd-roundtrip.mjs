// Amounts above 2^53 survive a round trip through a JavaScript client:
// graphql-request sends an amount as the string the API answers with, and
// reads back exactly that amount, where a JSON number would have been
// rounded by JSON.parse. Usage: node vnd-roundtrip.mjs URL ADMIN_TOKEN
import { GraphQLClient, gql } from "graphql-request";

const [url, token] = process.argv.slice(2);
const client = new GraphQLClient(url, { headers: { authorization: `Bearer ${token}` } });

const min = 2n ** 53n + 1n; // 9007199254740993: the first integer a JavaScript number cannot hold
const max = 10n ** 18n; // the documented bound
const created = await client.request(
  gql`
    mutation ($in: CreateInvestorInput!) {
      createInvestor(input: $in) {
        investor { id ticketMinVnd ticketMaxVnd }
        userErrors { field code message }
      }
    }
  `,
  { in: { name: "Quỹ kiểm tra số lớn", kind: "VENTURE_FUND", ticketMinVnd: min.toString(), ticketMaxVnd: max.toString() } },
);
const { investor, userErrors } = created.createInvestor;
if (userErrors.length > 0) throw new Error(`createInvestor refused: ${JSON.stringify(userErrors)}`);

const read = await client.request(
  gql`
    query ($id: ID!) {
      node(id: $id) { ... on Investor { ticketMinVnd ticketMaxVnd } }
    }
  `,
  { id: investor.id },
);
for (const [name, want] of [["ticketMinVnd", min], ["ticketMaxVnd", max]]) {
  for (const [where, got] of [["createInvestor", investor[name]], ["node", read.node[name]]]) {
    if (typeof got !== "string" || BigInt(got) !== want) {
      throw new Error(`${where}.${name}: want "${want}", got ${JSON.stringify(got)}`);
    }
  }
}
console.log(`ok: ${min} and ${max} round-trip exactly (as a JSON number, ${min} would read ${Number(min.toString())})`);

// Above the bound is the client's mistake, told as such.
const over = await client.request(
  gql`
    mutation ($in: CreateInvestorInput!) { createInvestor(input: $in) { userErrors { field code } } }
  `,
  { in: { name: "Quá lớn", kind: "VENTURE_FUND", ticketMinVnd: "1", ticketMaxVnd: (max + 1n).toString() } },
).catch((e) => e.response);
const codes = JSON.stringify(over.errors ?? over.createInvestor?.userErrors);
if (!codes.includes("INVALID_VALUE")) throw new Error(`an amount above 10^18 must be INVALID_VALUE, got ${codes}`);
console.log("ok: an amount above 10^18 is INVALID_VALUE");
