import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.ts';

/** Excel template, import and export of the registry (filled in by the Excel work). */
export function registryExcelRoutes(_app: FastifyInstance, _ctx: AppContext) {}
