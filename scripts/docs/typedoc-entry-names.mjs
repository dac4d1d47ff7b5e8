// TypeDoc plugin: names the reference's modules after the import paths users write (`ngx-sse`,
// `ngx-sse/testing`) rather than their file paths. An `@module` tag in a public-api.ts wins.
import { Converter, ReflectionKind } from 'typedoc';

const names = new Map([
  ['src/public-api', 'ngx-sse'],
  ['testing/src/public-api', 'ngx-sse/testing'],
]);

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      module.name = names.get(module.name) ?? module.name;
    }
  });
}
