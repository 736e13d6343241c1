import type { FastifyInstance } from 'fastify';
import { validationProblem } from './problem.exception';

/**
 * How deep a JSON body may nest. Real bodies stay under 6 (an exercise's prompts with their
 * options); the limit leaves room and stops the attack: JSON.parse copes with any depth, but the
 * recursive walks after it (class-transformer in the validation pipe, answer checks) overflow the
 * stack somewhere past 1,000 levels, which was a 500.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * The path of the first value nested deeper than `max`, or null. Named as far as the first list
 * index, at most two segments (`answers.<promptId>`, `partners`): enough to say which field.
 * Iterative, so any depth is safe to measure.
 */
export function tooDeepPath(value: unknown, max = MAX_JSON_DEPTH): string | null {
  const stack: [unknown, number, string[]][] = [[value, 0, []]];
  while (stack.length) {
    const [here, depth, path] = stack.pop() as [unknown, number, string[]];
    if (typeof here !== 'object' || here === null) continue;
    if (depth >= max) return path.length ? path.join('.') : 'body';
    const naming = path.length < 2 && !Array.isArray(here);
    for (const [key, child] of Object.entries(here)) stack.push([child, depth + 1, naming ? [...path, key] : path]);
  }
  return null;
}

/**
 * Refuses over-deep JSON bodies on every route, after parsing and before Nest (pipes, guards that
 * read the body, handlers) walks them: a 400 problem+json naming the field.
 */
export function registerJsonDepthLimit(fastify: FastifyInstance, max = MAX_JSON_DEPTH): void {
  fastify.addHook('preValidation', async (request) => {
    const path = tooDeepPath(request.body, max);
    if (path) throw validationProblem([{ field: path, message: `must not nest more than ${max} levels deep` }]);
  });
}
