// Serves dist/ the way a static host would: node src/cli/serve.ts [--port 4321]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { basePath } from '../lib/site/site-env.ts';
import { startStaticServer } from './static-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env['PORT'] ?? '4321' }, dir: { type: 'string', default: 'dist' }, host: { type: 'string', default: '127.0.0.1' } } });
const { url } = await startStaticServer(resolve(values.dir), { port: Number(values.port), base: basePath(), host: values.host });
console.log(`Serving ${values.dir} at ${url}  (Ctrl+C to stop)`);
