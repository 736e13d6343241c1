import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every prompt now says who reads its answer (`audience`: `shared` or `counselor_only`). Prompts
 * stored before had none: the exercise library's and the frozen copies on assignments. They get
 * `shared` (what they were), except the built-in prompts the catalog now keeps for the counselor,
 * found by id (a clinic's copy keeps the built-in's ids, and a clinic prompt that happens to share
 * one errs on the private side). Frozen here rather than read from the catalog: a migration must
 * do the same thing whenever it runs. The homework page and the API treat a prompt with no
 * audience as counselor-only anyway; this makes the stored data say so explicitly.
 */
const COUNSELOR_ONLY_PROMPT_IDS = [
  'safety_to_speak',
  'hardest_part',
  'on_my_mind',
  'asking_is_hard',
  'more_support',
  'worry',
  'talk_in_session',
];

const withAudience = (column: string) => `(
  SELECT jsonb_agg(
    CASE WHEN p ? 'audience' THEN p
         ELSE p || jsonb_build_object('audience', CASE WHEN p->>'id' = ANY($1::text[]) THEN 'counselor_only' ELSE 'shared' END)
    END ORDER BY ord)
  FROM jsonb_array_elements(${column}) WITH ORDINALITY AS t(p, ord))`;

const missingAudience = (column: string) =>
  `jsonb_typeof(${column}) = 'array' AND jsonb_array_length(${column}) > 0
   AND EXISTS (SELECT 1 FROM jsonb_array_elements(${column}) p WHERE NOT p ? 'audience')`;

const withoutAudience = (column: string) => `(
  SELECT jsonb_agg(p - 'audience' ORDER BY ord) FROM jsonb_array_elements(${column}) WITH ORDINALITY AS t(p, ord))`;

export class AddedAudienceToPrompts1795651818000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['exercise', 'assignment']) {
      await queryRunner.query(
        `UPDATE ${table} SET prompts = ${withAudience('prompts')} WHERE ${missingAudience('prompts')}`,
        [COUNSELOR_ONLY_PROMPT_IDS],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['exercise', 'assignment']) {
      await queryRunner.query(
        `UPDATE ${table} SET prompts = ${withoutAudience('prompts')}
         WHERE jsonb_typeof(prompts) = 'array' AND jsonb_array_length(prompts) > 0`,
      );
    }
  }
}
