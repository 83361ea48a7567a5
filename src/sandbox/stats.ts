// What a sandbox counts: requests by route, responses by status, injected faults by kind.

import type { SandboxStats } from './types.js';

export class StatsCounter {
  total = 0;
  byRoute = new Map<string, number>();
  status = new Map<string, number>();
  faults = new Map<string, number>();

  private static bump(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  request(routeKey: string): void {
    this.total++;
    StatsCounter.bump(this.byRoute, routeKey);
  }

  response(status: number): void {
    StatsCounter.bump(this.status, String(status));
  }

  fault(kind: string): void {
    StatsCounter.bump(this.faults, kind);
  }

  snapshot(): Omit<SandboxStats, 'real'> {
    return {
      requests: { total: this.total, byRoute: Object.fromEntries(this.byRoute) },
      status: Object.fromEntries(this.status),
      faults: Object.fromEntries(this.faults),
    };
  }

  reset(): void {
    this.total = 0;
    this.byRoute.clear();
    this.status.clear();
    this.faults.clear();
  }
}
