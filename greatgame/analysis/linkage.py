"""Linkage for story clustering: disjoint sets and (weighted) average linkage over pair scores."""

from __future__ import annotations

import heapq
import logging
from collections import defaultdict
from collections.abc import Sequence

logger = logging.getLogger(__name__)


class UnionFind:
    """Disjoint sets over 0..n-1 (path halving; the smaller index becomes the root)."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        """The representative of i's set."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the sets of i and j."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)

    def groups(self) -> list[list[int]]:
        """The sets, each in index order."""
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def average_linkage(
    n: int,
    pair_scores: dict[tuple[int, int], float],
    threshold: float,
    weights: Sequence[float] | None = None,
    fixed: Sequence[Sequence[int]] = (),
) -> list[list[int]]:
    """Average linkage: merge the groups with the best mean pair score while it reaches ``threshold``.

    Pairs without a score count 0, so two groups need most of their pairs to agree. With
    ``weights`` the mean is weighted (item i counts ``weights[i]``: a long account weighs more
    than a stray sentence). The ``fixed`` groups start joined, and two of them are never merged
    (clusters decided earlier, which new items may join). A heap of candidate merges with lazy
    invalidation keeps each merge proportional to the groups' neighbours.
    """
    w = list(weights) if weights is not None else [1.0] * n
    size = list(w)
    nbr: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), s in pair_scores.items():
        nbr[i][j] = nbr[i].get(j, 0.0) + s * w[i] * w[j]
        nbr[j][i] = nbr[j].get(i, 0.0) + s * w[i] * w[j]
    members = {i: [i] for i in range(n)}

    def merge(i: int, j: int) -> None:
        members[i] += members.pop(j)
        size[i] += size[j]
        nbr[i].pop(j, None)
        for k, t in nbr[j].items():
            if k != i:
                del nbr[k][j]
                nbr[i][k] = nbr[i].get(k, 0.0) + t
        nbr[j] = {}
        for k, t in nbr[i].items():
            nbr[k][i] = t

    locked = set()
    for group in fixed:
        root = min(group)
        for j in sorted(group):
            if j != root:
                merge(root, j)
        locked.add(root)
    heap = [(-t / (size[i] * size[k]), i, k) for i in members for k, t in nbr[i].items()
            if i < k and t / (size[i] * size[k]) >= threshold and not (i in locked and k in locked)]  # fmt: skip
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        total = nbr[i].get(j) if i in members and j in members else None
        if total is None or abs(total / (size[i] * size[j]) + neg) > 1e-12:
            continue  # stale: one side has merged since
        merge(i, j)
        if j in locked:
            locked.discard(j)
            locked.add(i)
        for k, t in nbr[i].items():
            mean = t / (size[i] * size[k])
            if mean >= threshold and not (i in locked and k in locked):
                heapq.heappush(heap, (-mean, min(i, k), max(i, k)))
    return list(members.values())
