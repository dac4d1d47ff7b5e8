import type { FastifyInstance } from 'fastify';

import { acknowledge, REQUEST_ID_HEADERS } from '../ack.ts';
import { currentUser, type ServerContext } from '../context.ts';
import { LEVELS, makeNotification, type Level } from '../events.ts';
import type { NotificationList } from '../wire.ts';

interface NotificationBody {
  level: Level;
  title: string;
  message: string;
}

const createSchema = {
  headers: REQUEST_ID_HEADERS,
  body: {
    type: 'object',
    required: ['level', 'title'],
    properties: {
      level: { type: 'string', enum: LEVELS },
      title: { type: 'string', minLength: 1, maxLength: 200 },
      message: { type: 'string', maxLength: 2000, default: '' },
    },
  },
};

/**
 * `GET /api/notifications`: the user's latest notifications, newest first.
 * `POST /api/notifications`: 201 with the notification, which also goes onto the user's stream. */
export function notificationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/notifications', async (request): Promise<NotificationList> => ({
    items: currentUser(ctx, request).state.notifications.newestFirst(),
  }));

  app.post<{ Body: NotificationBody }>(
    '/api/notifications',
    { schema: createSchema },
    async (request, reply) => {
      const { session } = currentUser(ctx, request);
      const { level, title, message } = request.body;
      const notification = makeNotification(level, title, message);
      ctx.hub.publish(session.username, 'notification', notification);
      acknowledge(ctx.hub, request, reply, session.username, 'notification', notification.id);
      return reply.code(201).send(notification);
    },
  );
}
