import type { FastifyInstance } from 'fastify';

import { acknowledge, REQUEST_ID_HEADERS } from '../ack.ts';
import { currentUser, type ServerContext } from '../context.ts';
import { LEVELS, makeNotification, type Level } from '../events.ts';
import { listNotifications, markRead } from '../read-state.ts';
import { NOTIFICATIONS_KEPT } from '../recent.ts';
import { labelOf, textOf } from '../schema.ts';
import type { NotificationList, NotificationReadReply, NotificationReadRequest } from '../wire.ts';

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
    additionalProperties: false,
    properties: {
      level: { type: 'string', enum: LEVELS },
      title: labelOf(200),
      message: textOf(2000, { default: '' }),
    },
  },
};

const readSchema = {
  body: {
    type: 'object',
    required: ['ids'],
    additionalProperties: false,
    properties: {
      ids: {
        type: 'array',
        minItems: 1,
        maxItems: NOTIFICATIONS_KEPT,
        items: { type: 'string', minLength: 1, maxLength: 100 },
      },
    },
  },
};

/**
 * `GET /api/notifications`: the user's latest notifications, newest first, with their read flag.
 * `POST /api/notifications`: 201 with the notification, which also goes onto the user's stream.
 * `POST /api/notifications/read`: marks some read and tells every stream of the user, so every
 * tab and device shows them read (the event is in the history: a resuming client gets it too).
 */
export function notificationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/notifications', async (request): Promise<NotificationList> => ({
    items: listNotifications(currentUser(ctx, request).state),
  }));

  app.post<{ Body: NotificationReadRequest }>(
    '/api/notifications/read',
    { schema: readSchema },
    async (request): Promise<NotificationReadReply> => {
      const { session, state } = currentUser(ctx, request);
      const reply = markRead(state, request.body.ids);
      if (reply.ids.length)
        ctx.hub.publish(session.username, 'notification-read', { ids: reply.ids });
      return reply;
    },
  );

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
