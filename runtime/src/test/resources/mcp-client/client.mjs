// The official TypeScript MCP client against a running AI Base: connect over Streamable HTTP with an
// API key, list the tools, call one, call it with a bad input; print what came back as one JSON line.
// Usage: node client.mjs <mcp url> <api key>
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const [url, key] = process.argv.slice(2);
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${key}` } },
});
const client = new Client({ name: 'aibase-check', version: '1.0.0' });
await client.connect(transport);
const { tools } = await client.listTools();
const greeted = await client.callTool({ name: 'hello-greet', arguments: { name: 'Ada' } });
const refused = await client.callTool({ name: 'hello-greet', arguments: { name: 7 } });
console.log(JSON.stringify({
  server: client.getServerVersion(),
  tools: tools.map((tool) => tool.name),
  greeted,
  refused,
}));
await client.close();
