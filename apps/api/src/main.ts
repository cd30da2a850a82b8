import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { loadConfig } from './core/config/load-config';
import { checkDatabase, checkPortFree } from './core/startup/preflight';
import { runOrExit } from './core/startup/run-or-exit';
import { createApp, defaultWebDist, GLOBAL_PREFIX } from './create-app';

/** The HTTP API process. Migrations are applied beforehand by `npm run db:migrate`, never here. */
runOrExit('api', async () => {
  const config = loadConfig();
  config.WEB_DIST_DIR ??= defaultWebDist();
  await checkPortFree(config.PORT, config.HOST);
  await checkDatabase(config);
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  app
    .get(Logger)
    .log(
      `API listening on http://localhost:${config.PORT}/${GLOBAL_PREFIX}`,
      'Bootstrap',
    );
});
