import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { RouterOutlet } from '@angular/router';

import { AppToolbar } from './shell/app-toolbar';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, AppToolbar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-toolbar />
    <main>
      <router-outlet />
    </main>
  `,
  styles: `
    main {
      padding: 16px;
    }
  `,
})
export class App {
  constructor() {
    // Icons come from the self-hosted Material Symbols font rather than the legacy ligature font.
    inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
  }
}
