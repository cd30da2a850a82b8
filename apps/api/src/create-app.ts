import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import {
  FastifyAdapter,
  NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './core/config/app-config';
import { ApiExceptionFilter } from './core/http/api-exception.filter';
import { SpaFallback } from './core/http/spa-fallback';
import { createValidationPipe } from './core/http/validation.pipe';
import { csrfCookieOptions, CSRF_COOKIE } from './core/auth/cookies';
import { newToken } from './core/auth/tokens';

export const GLOBAL_PREFIX = 'api';
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css)$/;

/**
 * Builds the HTTP application (Fastify) without listening: main.ts listens, tests use inject().
 */
export async function createApp(
  config: AppConfig,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY,
    // The caller's X-Request-Id when it is sane, else a UUID; echoed back and in every log line.
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given)
        ? given
        : randomUUID();
    },
  });
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  await adapter.getInstance().register(fastifyCookie);
  // Double-submit CSRF token: a cookie the page's script reads and sends back as X-XSRF-TOKEN on every
  // state-changing request (checked by the AuthGuard). Set on the first request that lacks it.
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    if (!request.cookies[CSRF_COOKIE])
      reply.setCookie(CSRF_COOKIE, newToken(), csrfCookieOptions(config));
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(GLOBAL_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const webDist = config.WEB_DIST_DIR
    ? resolve(config.WEB_DIST_DIR)
    : undefined;
  const spa = SpaFallback.tryCreate(webDist);
  const errors = new ApiExceptionFilter(spa);
  app.useGlobalFilters(errors);
  app
    .getHttpAdapter()
    .getInstance()
    .setErrorHandler((error, request, reply) =>
      errors.respond(error, request, reply),
    );
  if (spa && webDist) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      decorateReply: false,
      index: ['index.html'],
      // Hashed bundles (main-ABCD1234.js) never change; anything else (index.html, i18n JSON) is revalidated.
      setHeaders: (reply, path) => {
        void reply.header(
          'cache-control',
          HASHED_ASSET.test(path)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Moisson API')
      .setDescription(
        'Seasonal foreign workers: dossiers, deadlines and reminders for French farms.',
      )
      .setVersion(config.APP_VERSION)
      .build(),
  );
  SwaggerModule.setup(`${GLOBAL_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${GLOBAL_PREFIX}/docs-json`,
  });

  app.enableShutdownHooks();
  return app;
}

export function defaultWebDist(): string {
  return join(__dirname, '..', 'web', 'browser');
}
