/** PLACEHOLDER: feed processing tasks and logs land here (helper H2). */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';

export function registerTaskRoutes(_app: FastifyInstance, _ctx: SandboxContext): void {}
