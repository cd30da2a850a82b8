import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/**
 * Structured JSON logs (pino). Each HTTP line carries the request id that Fastify assigned.
 */
@Module({})
export class LoggingModule {
  static forRoot(processName: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.LOG_LEVEL,
              base: { process: processName, pid: process.pid },
              // Fastify assigns the request id (create-app.ts); this only covers a request without one.
              genReqId: (req: IncomingMessage) =>
                (req as { id?: string }).id ?? randomUUID(),
              redact: [
                'req.headers.cookie',
                'req.headers.authorization',
                'res.headers["set-cookie"]',
              ],
              autoLogging: {
                ignore: (req: IncomingMessage) => req.url === '/api/health',
              },
              customLogLevel: (
                _req: IncomingMessage,
                res: ServerResponse,
                err?: Error,
              ) =>
                err || res.statusCode >= 500
                  ? 'error'
                  : res.statusCode >= 400
                    ? 'warn'
                    : 'info',
            },
          }),
        }),
      ],
    };
  }
}
