import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI generated from the controllers' decorators: UI at /api/docs, JSON at /api/docs-json. */
export function registerOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Trellis API')
      .setDescription(
        'Practice management for couples counselors. Errors are RFC 9457 problem+json; lists answer { data, total }.',
      )
      .setVersion('1')
      .addCookieAuth('trellis.sid')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}
