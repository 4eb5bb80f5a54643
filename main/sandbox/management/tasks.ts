/**
 * Processing tasks and their logs (management-api-v1.md "Processing Tasks", "List Tasks
 * Logs", "Tasks messages"). The work itself runs in the background (`feeds/`); these routes
 * start it and report on it in the documented shapes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context';
import { logLines } from '../feeds/task-log';
import { lastProcessTask, TASK_ID, TASK_MESSAGES, taskById, type ProcessTask } from '../feeds/task-store';
import { managementUrls } from '../http/urls';
import { engineOf } from './guard';

/** `?force=true` as curl sends it, `?force=True` as Python's requests sends a bool. */
function forced(request: FastifyRequest): boolean {
  const { force } = request.query as { force?: unknown };
  return typeof force === 'string' && ['true', '1', 'yes'].includes(force.toLowerCase());
}

const MESSAGE_BY_STATE: Partial<Record<ProcessTask['state'], string>> = {
  PENDING: TASK_MESSAGES.accepted,
  STARTED: TASK_MESSAGES.running,
};

/** A task as `GET .../tasks/{task_id}` shows it; NOTFOUND (still 200) when there is none. */
function taskInfo(task: ProcessTask | null) {
  if (!task) return { state: 'NOTFOUND', message: TASK_MESSAGES.notFound, task_name: 'process' };
  return { state: task.state, message: MESSAGE_BY_STATE[task.state] ?? task.message, task_name: 'process' };
}

export function registerTaskRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  ctx.tasks.recover();
  // Runs must end before the database closes (startSandbox's close() closes the app first).
  app.addHook('onClose', async () => {
    await ctx.tasks.stop();
  });

  app.post('/:hashid/tasks/process', (request, reply) => {
    const engine = engineOf(ctx, request);
    const urls = managementUrls(request, engine.hashid);
    const started = ctx.tasks.start(engine, forced(request));
    if (!started.accepted) {
      return reply
        .status(200)
        .header('Link', `<${urls.process}>`)
        .send({ state: 'WAITING', link: urls.process, message: TASK_MESSAGES.stillRunning, task_name: 'process' });
    }
    const link = urls.task(started.task.id);
    return reply
      .status(201)
      .header('Link', `<${link}>`)
      .send({ state: 'PENDING', link, message: TASK_MESSAGES.accepted, task_name: 'process' });
  });

  app.get('/:hashid/tasks/process', (request) => taskInfo(lastProcessTask(ctx.db, engineOf(ctx, request).id)));

  app.get('/:hashid/tasks/:taskId', (request) => {
    const engine = engineOf(ctx, request);
    const { taskId } = request.params as { taskId: string };
    return taskInfo(TASK_ID.test(taskId) ? taskById(ctx.db, engine.id, taskId) : null);
  });

  app.get('/:hashid/logs', (request) => logLines(ctx.db, engineOf(ctx, request).id));
}
