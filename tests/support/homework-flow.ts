import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { Prompt } from '@trellis/domain';

/** What every state-changing homework request carries. */
export const HOMEWORK_HEADER = { 'x-homework-csrf': '1' };

/** The token of the `/h/<token>` link in a homework email, undoing quoted-printable wrapping. */
export function homeworkTokenFromEmail(raw: string): string {
  const decoded = raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  const match = /\/h\/([A-Za-z0-9_-]{43})/.exec(decoded);
  if (!match) throw new Error('no homework link in the email');
  return match[1];
}

/** A complete, valid answer for each prompt; long texts are `<prefix> <prompt id>` padded to fit. */
export function completeAnswersFor(prompts: readonly Prompt[], prefix = 'answer'): Record<string, unknown> {
  return Object.fromEntries(
    prompts.map((p) => {
      switch (p.kind) {
        case 'long_text':
          return [p.id, `${prefix} ${p.id}`.padEnd(Math.max(p.minLength ?? 1, 20), '.')];
        case 'scale':
          return [p.id, p.min + 1];
        case 'single_choice':
          return [p.id, p.options[0].id];
        case 'checklist':
          return [p.id, p.options.slice(0, Math.max(p.minSelected ?? 1, 1)).map((o) => o.id)];
      }
    }),
  );
}

/** A partner's browser: the link's token starts a homework session, kept in the agent's cookie. */
export async function openHomeworkAs(app: NestFastifyApplication, token: string) {
  const agent = request.agent(app.getHttpServer());
  await agent.post('/api/v1/homework/session').set(HOMEWORK_HEADER).send({ token }).expect(200);
  return agent;
}
