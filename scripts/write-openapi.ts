/**
 * `npm run openapi`: writes docs/openapi.json, the API's contract as the server serves it (without
 * JW_PUBLIC_URL, so `servers` is this machine). test/api/contract.test.ts fails when the
 * committed file and the server differ; the web's types are generated from this file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocument } from '../test/helpers/openapi.ts';

const file = path.resolve(import.meta.dirname, '../docs/openapi.json');
writeFileSync(file, `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
console.log(`已写入 Wrote ${path.relative(process.cwd(), file)}`);
