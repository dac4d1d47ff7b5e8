import { chain, noop, Rule, SchematicsException, Tree } from '@angular-devkit/schematics';
import { addRootProvider, readWorkspace } from '@schematics/angular/utility';
import { getAppModulePath, isStandaloneApp } from '@schematics/angular/utility/ng-ast-utils';
import { findAppConfig } from '@schematics/angular/utility/standalone/app_config';
import {
  findBootstrapApplicationCall,
  getMainFilePath,
} from '@schematics/angular/utility/standalone/util';

import { NgAddOptions } from './schema.cjs';

/**
 * `ng add ngx-sse`: adds `provideSse()` to the application's root providers, through Angular's own
 * `addRootProvider`, so `app.config.ts`, a `bootstrapApplication` call and an NgModule all work.
 * Running it again changes nothing. Prints one line saying what it did.
 *
 * @example
 * ng add ngx-sse --transport fetch   // → provideSse(withFetchTransport()) in app.config.ts
 */
export function ngAdd(options: NgAddOptions): Rule {
  return async (tree, context) => {
    const project = options.project ?? (await firstApplication(tree));
    const file = await rootProvidersFile(tree, project);
    const expression =
      options.transport === 'fetch' ? 'provideSse(withFetchTransport())' : 'provideSse()';
    const source = tree.readText(file);
    if (callsProvideSse(source)) {
      context.logger.info(`ngx-sse: ${file} already calls provideSse(); nothing changed.`);
      // Editing an existing call's arguments is the user's to do: say what the flag asked for.
      if (options.transport === 'fetch' && !/\bwithFetchTransport\s*\(/.test(source)) {
        context.logger.warn(
          `ngx-sse: --transport fetch was not applied: add withFetchTransport() (from 'ngx-sse') to that provideSse() call.`,
        );
      }
      return noop();
    }
    return chain([
      addRootProvider(project, ({ code, external }) => {
        const provideSse = external('provideSse', 'ngx-sse');
        return options.transport === 'fetch'
          ? code`${provideSse}(${external('withFetchTransport', 'ngx-sse')}())`
          : code`${provideSse}()`;
      }),
      () => context.logger.info(`ngx-sse: added ${expression} to the providers in ${file}.`),
    ]);
  };
}

/** The file `addRootProvider` edits: the app config, else the main file, else the root NgModule. */
async function rootProvidersFile(tree: Tree, project: string): Promise<string> {
  const main = await getMainFilePath(tree, project);
  if (!isStandaloneApp(tree, main)) return stripSlash(getAppModulePath(tree, main));
  const config = findAppConfig(findBootstrapApplicationCall(tree, main), tree, main);
  return stripSlash(config?.filePath ?? main);
}

async function firstApplication(tree: Tree): Promise<string> {
  const workspace = await readWorkspace(tree);
  for (const [name, project] of workspace.projects) {
    if (project.extensions['projectType'] === 'application') return name;
  }
  throw new SchematicsException('ngx-sse: no application project in angular.json; pass --project.');
}

/** Comments are ignored, so a commented-out call does not count as configured. */
export function callsProvideSse(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return /\bprovideSse\s*\(/.test(code);
}

function stripSlash(path: string): string {
  return path.replace(/^\//, '');
}
