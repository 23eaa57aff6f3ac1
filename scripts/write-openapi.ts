/**
 * `npm run openapi`: writes docs/openapi.json, the API's contract as the server serves it (without
 * JW_PUBLIC_URL, so `servers` is this machine), and the web's API types generated from it
 * (src/web/shared/openapi.gen.ts). test/api/contract.test.ts fails when either differs from
 * what the server serves, so a page whose call no longer fits its route fails the typecheck.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiDocument, WEB_TYPES_FILE, webTypes } from '../test/helpers/openapi.ts';

const root = path.resolve(import.meta.dirname, '..');
const doc = await openApiDocument();
writeFileSync(path.join(root, 'docs/openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
writeFileSync(path.join(root, WEB_TYPES_FILE), await webTypes(doc));
console.log(`已写入 Wrote docs/openapi.json, ${WEB_TYPES_FILE}`);
