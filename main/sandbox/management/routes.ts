import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { registerEngineRoutes } from './engines';
import { registerGuard } from './guard';
import { registerItemRoutes } from './items';
import { registerStatsRoutes } from './stats';
import { registerTaskRoutes } from './tasks';
import { registerTypeRoutes } from './types';

/** Everything under /v1. */
export function registerManagementRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  registerGuard(app, ctx);
  registerEngineRoutes(app, ctx);
  registerTypeRoutes(app, ctx);
  registerItemRoutes(app, ctx);
  registerStatsRoutes(app, ctx);
  registerTaskRoutes(app, ctx);
}
