/** PLACEHOLDER: Search v5 lands here (helper H1). */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';

export function registerSearchRoutes(_app: FastifyInstance, _ctx: SandboxContext): void {}
