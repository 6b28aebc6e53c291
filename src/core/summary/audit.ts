/**
 * The attacker, run before anything is published: from the published figures alone and the sums
 * that tie them together, how narrowly can each hidden figure be pinned down? Interval propagation
 * (each figure gets the smallest and largest value it could have; every relation `parent = sum of
 * children` tightens them until nothing changes), which covers every subtraction attack and every
 * chain of them ("total minus the other cells", "answered minus the shown options", "the range minus
 * the other weeks").
 *
 * Two attackers are run: a careful one, who knows a "<k" may hide a larger count (hidden to protect
 * another), and a naive one, who reads every "<k" as 0 to k-1. A hidden count below k that either
 * can pin to a single value is reported, and disclose.ts hides more until none can.
 */
export interface AuditFigure {
  /** The true count (never published; used only to tell which hidden figures are small). */
  truth: number;
  /** The published value (rounded), or null when hidden. */
  shown: number | null;
  /** What the attacker knows of a hidden figure beyond "it is hidden", e.g. "0 to k-1" or "at least k". */
  hiddenRange?: [number, number];
}

export interface Relation {
  parent: string;
  children: string[];
  /** Holds only under the naive reading (the options of a multiple-choice question add up to `answered` when each response picks one). */
  naive?: boolean;
}

export interface AuditRules {
  k: number;
  rounding: number;
  /** Rounded up or down at random (keyed): a shown figure may then be up to `rounding - 1` either way. */
  random: boolean;
}

type Bounds = Map<string, [number, number]>;

/** The values a published (rounded, not suppressed) figure may stand for. */
export function shownRange(shown: number, { k, rounding, random }: AuditRules): [number, number] {
  if (random) return [Math.max(k, shown - rounding + 1), shown + rounding - 1];
  return [Math.max(k, shown - Math.ceil(rounding / 2) + 1), shown + Math.floor(rounding / 2)];
}

/** Tightens `bounds` over `relations` until nothing changes; false when they contradict each other. */
export function propagate(bounds: Bounds, relations: readonly Relation[], rounds = 200): boolean {
  for (let round = 0; round < rounds; round += 1) {
    let changed = false;
    for (const { parent, children } of relations) {
      const [parentLo, parentHi] = bounds.get(parent)!;
      const sum = (ids: readonly string[], end: 0 | 1) => ids.reduce((total, id) => total + bounds.get(id)![end], 0);
      const tighten = (id: string, lo: number, hi: number) => {
        const [oldLo, oldHi] = bounds.get(id)!;
        const next: [number, number] = [Math.max(oldLo, lo), Math.min(oldHi, hi)];
        if (next[0] !== oldLo || next[1] !== oldHi) {
          bounds.set(id, next);
          changed = true;
        }
      };
      tighten(parent, sum(children, 0), sum(children, 1));
      for (const id of children) {
        // Summed without the child itself: Infinity - Infinity would be NaN.
        const others = children.filter((other) => other !== id);
        tighten(id, parentLo - sum(others, 1), parentHi - sum(others, 0));
      }
      for (const id of [parent, ...children]) {
        const [lo, hi] = bounds.get(id)!;
        if (lo > hi) return false;
      }
    }
    if (!changed) return true;
  }
  return true;
}

/** Ids of hidden figures below k that an attacker pins to a single value. */
export function pinnedFigures(figures: ReadonlyMap<string, AuditFigure>, relations: readonly Relation[], rules: AuditRules): string[] {
  const pinned = new Set<string>();
  for (const naive of [false, true]) {
    const bounds: Bounds = new Map();
    for (const [id, figure] of figures) {
      if (figure.shown !== null) bounds.set(id, shownRange(figure.shown, rules));
      else bounds.set(id, figure.hiddenRange ?? (naive ? [0, rules.k - 1] : [0, Number.POSITIVE_INFINITY]));
    }
    // A naive reading that contradicts itself tells the attacker only that it is wrong.
    if (!propagate(bounds, naive ? relations : relations.filter((relation) => !relation.naive))) continue;
    for (const [id, figure] of figures) {
      const [lo, hi] = bounds.get(id)!;
      if (figure.shown === null && figure.truth < rules.k && lo === hi) pinned.add(id);
    }
  }
  return [...pinned];
}
