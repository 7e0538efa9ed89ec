/** The routing table of routing.ts, built from the frameworks at build time (and in tests). */
import { GAPS, MUSCLES } from '../data/frameworks';
import type { RoutingTable } from './routing';

export const routingTable = (): RoutingTable => ({
  gaps: GAPS.map((g) => ({ id: g.id, number: g.number, muscles: g.muscles })),
  muscles: MUSCLES.map((m) => ({ id: m.id, label: m.short, href: m.href })),
});

/** For a `<script type="application/json" data-routing-table>`: `<` escaped. */
export const routingTableJson = (): string => JSON.stringify(routingTable()).replace(/</g, '\\u003c');
