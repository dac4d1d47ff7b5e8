import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/** The mock server's fault injection, `POST /api/faults` (enabled with `--faults`). */
export type Fault =
  | { kind: 'drop' }
  | { kind: 'status'; status: number; count: number }
  | { kind: 'stall'; ms: number }
  | { kind: 'bad-mime'; count: number }
  | { kind: 'no-content' };

@Injectable({ providedIn: 'root' })
export class Faults {
  private readonly http = inject(HttpClient);

  inject(fault: Fault): Promise<unknown> {
    return firstValueFrom(this.http.post('/api/faults', fault));
  }
}
