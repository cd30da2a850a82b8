import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  FastifyAdapter,
  NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { ApiErrorBody } from '@moisson/contract';
import { IsDateString, IsInt, IsString, Max, Min } from 'class-validator';
import { createTestApp } from '../../../test/test-app';
import { ApiExceptionFilter } from './api-exception.filter';
import { createValidationPipe } from './validation.pipe';

class HireDto {
  @IsString()
  surname!: string;

  @IsDateString(
    { strict: true },
    { message: 'startDate must be a real date as YYYY-MM-DD' },
  )
  startDate!: string;

  @IsInt()
  @Min(1)
  @Max(200)
  workers!: number;
}

@Controller('probe-errors')
class ProbeErrorsController {
  @Post('hires')
  create(@Body() body: HireDto): HireDto {
    return body;
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail: password=hunter2');
  }
}

@Module({ controllers: [ProbeErrorsController] })
class ProbeErrorsModule {}

/** The global pipe and filter, on a throwaway controller, through the real Fastify stack. */
async function createProbeApp(): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ProbeErrorsModule,
    new FastifyAdapter(),
    { logger: false },
  );
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('one error shape for every 4xx and 5xx', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createProbeApp();
  });
  afterAll(async () => app.close());

  it('refuses unknown fields and invalid values, naming each field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe-errors/hires',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
      payload: {
        surname: 'El Amrani',
        startDate: '2027-02-30',
        workers: 0,
        isAdmin: true,
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<ApiErrorBody>();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/3 invalid fields/);
    const fields = (body.details ?? []).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['isAdmin', 'startDate', 'workers']),
    );
    expect(body.details?.find((d) => d.field === 'isAdmin')?.message).toBe(
      'Unknown field "isAdmin": remove it.',
    );
    expect(body.details?.find((d) => d.field === 'startDate')?.message).toMatch(
      /real date/,
    );
  });

  it('answers the same refusal in French by default, field by field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe-errors/hires',
      payload: { surname: 42, startDate: '2027-03-01', workers: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiErrorBody>()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message:
        'La requête contient 1 champ invalide (nom de famille) : corrigez-le puis renvoyez-la.',
      details: [
        {
          field: 'surname',
          message: 'Nom de famille : la valeur doit être du texte.',
        },
      ],
    });
  });

  it('answers in the first supported language of Accept-Language', async () => {
    const send = (acceptLanguage: string) =>
      app.inject({
        method: 'POST',
        url: '/api/probe-errors/hires',
        headers: {
          'content-type': 'application/json',
          'accept-language': acceptLanguage,
        },
        payload: '{"surname": "x",',
      });
    const messageOf = async (acceptLanguage: string) =>
      (await send(acceptLanguage)).json<ApiErrorBody>().message;
    expect(await messageOf('de-DE,de;q=0.9,en;q=0.8,fr;q=0.5')).toMatch(
      /^The request body is not valid JSON/,
    );
    expect(await messageOf('es,fr-FR;q=0.9,en;q=0.8')).toMatch(
      /^Le corps de la requête n'est pas du JSON valide/,
    );
    expect(await messageOf('de')).toMatch(/^Le corps de la requête/);
  });

  it('transforms a valid payload into the DTO', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe-errors/hires',
      payload: { surname: 'El Amrani', startDate: '2027-03-01', workers: 12 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      surname: 'El Amrani',
      startDate: '2027-03-01',
      workers: 12,
    });
  });

  it('answers malformed JSON with 400 and a readable message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe-errors/hires',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"surname": "x",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiErrorBody>()).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/not valid JSON/),
    });
  });

  it('hides the cause of a 500 from the client: no message detail, no stack trace', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/probe-errors/boom',
    });
    expect(res.statusCode).toBe(500);
    const body = res.json<ApiErrorBody>();
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(body.requestId).toBeTruthy();
    expect(res.body).not.toMatch(/hunter2|secret internal|\.ts:\d+|\.js:\d+/);
  });
});

describe('unknown addresses on the real API', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app.close());

  it('answers an unknown API route with 404 in the common shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ApiErrorBody>()).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.any(String),
    });
  });

  it('serves the OpenAPI document as JSON and the browsable docs page', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/system/worker-probes']),
    );
    const html = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers a body Fastify refuses before any route runs in the same shape: bad JSON, unknown content type', async () => {
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json<ApiErrorBody>()).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/pas du JSON valide/),
      requestId: expect.any(String),
    });
    const csv = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/csv', 'accept-language': 'en' },
      payload: 'a;b',
    });
    expect(csv.statusCode).toBe(415);
    expect(csv.json<ApiErrorBody>()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringMatching(/application\/json/),
    });
  });
});
