using Google.OrTools.Graph;

namespace CustomerValue.Allocation.Internal;

/// <summary>
/// Solves the allocation as a transportation network (OR-Tools <see cref="MinCostFlow"/>) over customer profiles. Without
/// workload limits one solve is exact. A weighted workload limit is not a network constraint: <see cref="Solve"/> either
/// relaxes it (a lower bound) or approximates it by a per-tier split of each manager's room plus per-tier re-solves (a
/// feasible plan that <see cref="SatSolver"/> then improves or proves).
/// </summary>
internal static class FlowSolver
{
    /// <summary>Solves the allocation with the network.</summary>
    /// <param name="objective">The problem and its objective.</param>
    /// <param name="moveCost">The move cost to solve with.</param>
    /// <param name="relax">
    /// Whether to drop the workload limits (keeping only each tier's count bound, MaxWorkload / tier weight): the
    /// optimum of that relaxation, exact when it happens to fit the limits. Otherwise the limits are kept by the split.
    /// </param>
    /// <param name="keepCurrent">
    /// Whether to keep, before solving, as many of each manager's current customers as fit (highest priority first),
    /// so the only moves are of customers who must leave: the strict form of a zero cap on voluntary moves.
    /// </param>
    /// <returns>The manager per customer, -1 = unplaced.</returns>
    public static int[] Solve(AllocationObjective objective, long moveCost, bool relax, bool keepCurrent = false)
    {
        var p = objective.Problem;
        var placement = new Placement(p);
        var pending = new List<int>(p.Count);
        for (var i = 0; i < p.Count; i++)
        {
            pending.Add(i);
        }

        if (keepCurrent)
        {
            KeepCurrent(objective, pending, placement);
            pending = Unplaced(p, pending, placement, -1);
        }

        if (pending.Count > 0)
        {
            SolveRound(objective, moveCost, pending, placement, relax || !p.HasWorkloadLimits ? RelaxedCapacities : SplitCapacities);
            pending = Unplaced(p, pending, placement, -1);
        }

        // The per-tier split of the first round can strand workload room; offering what is left to one tier at a time,
        // heaviest first, makes the workload limit an exact count limit for that tier.
        if (pending.Count > 0 && p.HasWorkloadLimits && !relax)
        {
            foreach (var tier in objective.HeaviestFirst)
            {
                var ofTier = Unplaced(p, pending, placement, tier);
                if (ofTier.Count > 0)
                {
                    SolveRound(objective, moveCost, ofTier, placement, SplitCapacities);
                }
            }
        }

        return placement.ManagerOf;
    }

    /// <summary>
    /// Keeps at each manager all but <see cref="AllocationObjective.Forced"/> of its current customers, so no leaver is
    /// voluntary: the highest priorities first, each kept only if the lightest of the customers not yet considered can
    /// still make up the rest of the count within the workload limit. Keeping greedily by priority alone could keep one
    /// heavy customer where two light ones fit, and so send away one more customer than must go.
    /// </summary>
    private static void KeepCurrent(AllocationObjective objective, List<int> customers, Placement placement)
    {
        var p = objective.Problem;
        var current = customers.FindAll(i => p.Current[i] >= 0);
        ProfileSet.SortByPriority(p, current);
        var notConsidered = new long[p.Managers * p.TierCount];
        foreach (var i in current)
        {
            notConsidered[(p.Current[i] * p.TierCount) + p.Tier[i]]++;
        }

        foreach (var i in current)
        {
            var m = p.Current[i];
            notConsidered[(m * p.TierCount) + p.Tier[i]]--;
            var toKeep = objective.CurrentCount[m] - objective.Forced[m] - placement.Count[m];
            if (toKeep > 0 && (p.MaxUnits[m] == long.MaxValue || placement.Units[m] + p.Units[i] + Lightest(m, toKeep - 1) <= p.MaxUnits[m]))
            {
                placement.Place(i, m);
            }
        }

        long Lightest(int manager, long count)
        {
            var units = 0L;
            for (var k = objective.HeaviestFirst.Length - 1; k >= 0 && count > 0; k--)
            {
                var tier = objective.HeaviestFirst[k];
                var take = Math.Min(count, notConsidered[(manager * p.TierCount) + tier]);
                units += take * p.TierUnits[tier];
                count -= take;
            }

            return units;
        }
    }

    private static List<int> Unplaced(AllocationProblem p, List<int> customers, Placement placement, int tier)
    {
        var result = new List<int>();
        foreach (var i in customers)
        {
            if (placement.ManagerOf[i] < 0 && (tier < 0 || p.Tier[i] == tier))
            {
                result.Add(i);
            }
        }

        return result;
    }

    private static void SolveRound(
        AllocationObjective objective,
        long moveCost,
        List<int> pending,
        Placement placement,
        Func<AllocationProblem, long[], long[], Placement, long[]> capacities)
    {
        var p = objective.Problem;
        var tiers = p.TierCount;
        var managers = p.Managers;
        var demand = new long[tiers];
        var current = new long[managers * tiers];
        foreach (var i in pending)
        {
            demand[p.Tier[i]]++;
            if (p.Current[i] >= 0)
            {
                current[(p.Current[i] * tiers) + p.Tier[i]]++;
            }
        }

        var tierCap = capacities(p, demand, current, placement);
        var profiles = new ProfileSet(objective, pending);
        var total = (long)pending.Count;

        // Node layout: profiles, manager-tier nodes, managers, unplaced, sink. Every customer of a profile leaves the
        // profile node; the class structure lives in the arcs: a "stay" arc per (profile, current manager) without the
        // move cost, and the move cost on every other arc (a constant for new customers, who cannot stay).
        var managerTierBase = profiles.Profiles;
        var managerBase = managerTierBase + (managers * tiers);
        var unplacedNode = managerBase + managers;
        var sink = unplacedNode + 1;

        using var flow = new MinCostFlow();
        var stayArcs = new int[profiles.Classes];
        for (var c = 0; c < profiles.Classes; c++)
        {
            var k = profiles.ClassProfile[c];
            var m = profiles.ClassManager[c];
            var first = profiles.First[k];
            var t = p.Tier[first];
            stayArcs[c] = tierCap[(m * tiers) + t] > 0
                ? flow.AddArcWithCapacityAndUnitCost(k, managerTierBase + (m * tiers) + t, profiles.ClassMembers[c].Count, objective.PathCost(first, m))
                : -1;
        }

        var profileArcs = new List<(int Arc, int Manager)>[profiles.Profiles];
        var unplacedArcs = new int[profiles.Profiles * AllocationObjective.Groups];
        for (var k = 0; k < profiles.Profiles; k++)
        {
            var first = profiles.First[k];
            var t = p.Tier[first];
            flow.SetNodeSupply(k, profiles.Supply(k));
            profileArcs[k] = new List<(int, int)>(managers);
            for (var m = 0; m < managers; m++)
            {
                var cap = tierCap[(m * tiers) + t];
                if (cap > 0)
                {
                    profileArcs[k].Add((flow.AddArcWithCapacityAndUnitCost(k, managerTierBase + (m * tiers) + t, Math.Min(cap, total), objective.PathCost(first, m) + moveCost), m));
                }
            }

            // Every non-stayer pays the move cost, also when left out, so the penalty alone ranks the groups.
            for (var g = 0; g < AllocationObjective.Groups; g++)
            {
                unplacedArcs[(k * AllocationObjective.Groups) + g] = flow.AddArcWithCapacityAndUnitCost(
                    k, unplacedNode, profiles.Sizes[(k * AllocationObjective.Groups) + g], checked(moveCost + objective.GroupPenalty(g, p.Band[first])));
            }
        }

        for (var m = 0; m < managers; m++)
        {
            for (var t = 0; t < tiers; t++)
            {
                var cap = Math.Min(tierCap[(m * tiers) + t], demand[t]);
                if (cap > 0)
                {
                    AddBalancePieces(objective, flow, (m * tiers) + t, managerTierBase + (m * tiers) + t, managerBase + m, placement.ByTier[(m * tiers) + t], cap);
                }
            }

            var countCap = p.MaxCustomers[m] == long.MaxValue ? total : Math.Min(total, Math.Max(0, p.MaxCustomers[m] - placement.Count[m]));
            if (countCap > 0)
            {
                flow.AddArcWithCapacityAndUnitCost(managerBase + m, sink, countCap, 0);
            }
        }

        flow.AddArcWithCapacityAndUnitCost(unplacedNode, sink, total, 0);
        flow.SetNodeSupply(sink, -total);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException(Check.Invariant($"The min-cost flow solver returned {status} on a network that always has a feasible flow (every customer can go unplaced); this is a defect, please report it with the input sizes: {pending.Count} customers, {managers} managers."));
        }

        var stay = new long[profiles.Classes];
        for (var c = 0; c < stay.Length; c++)
        {
            stay[c] = stayArcs[c] >= 0 ? flow.Flow(stayArcs[c]) : 0;
        }

        var unplaced = new long[unplacedArcs.Length];
        for (var a = 0; a < unplaced.Length; a++)
        {
            unplaced[a] = flow.Flow(unplacedArcs[a]);
        }

        var moves = new List<(int Manager, long Count)>[profiles.Profiles];
        for (var k = 0; k < moves.Length; k++)
        {
            moves[k] = new List<(int, long)>(profileArcs[k].Count);
            foreach (var (arc, m) in profileArcs[k])
            {
                if (flow.Flow(arc) is var f and > 0)
                {
                    moves[k].Add((m, f));
                }
            }
        }

        profiles.Assign(p, stay, unplaced, moves, placement);
    }

    /// <summary>Without the weighted limit: per tier, the count the manager's workload limit alone allows.</summary>
    private static long[] RelaxedCapacities(AllocationProblem p, long[] demand, long[] current, Placement placement)
    {
        var tiers = p.TierCount;
        var caps = new long[p.Managers * tiers];
        for (var m = 0; m < p.Managers; m++)
        {
            for (var t = 0; t < tiers; t++)
            {
                caps[(m * tiers) + t] = p.MaxUnits[m] == long.MaxValue ? demand[t]
                    : Math.Min(demand[t], Math.Max(0, p.MaxUnits[m] - placement.Units[m]) / p.TierUnits[t]);
            }
        }

        return caps;
    }

    /// <summary>
    /// Splits each manager's remaining workload capacity into per-tier customer counts whose weighted sum cannot exceed it:
    /// current customers keep their room, spare room is shared in proportion to each tier's workload demand.
    /// A manager already over capacity keeps the same mix, scaled down.
    /// </summary>
    private static long[] SplitCapacities(AllocationProblem p, long[] demand, long[] current, Placement placement)
    {
        var tiers = p.TierCount;
        var caps = new long[p.Managers * tiers];
        Int128 demandUnits = 0;
        for (var t = 0; t < tiers; t++)
        {
            demandUnits += (Int128)demand[t] * p.TierUnits[t];
        }

        for (var m = 0; m < p.Managers; m++)
        {
            if (p.MaxUnits[m] == long.MaxValue)
            {
                for (var t = 0; t < tiers; t++)
                {
                    caps[(m * tiers) + t] = demand[t];
                }

                continue;
            }

            var room = Math.Max(0, p.MaxUnits[m] - placement.Units[m]);
            Int128 currentUnits = 0;
            for (var t = 0; t < tiers; t++)
            {
                currentUnits += (Int128)current[(m * tiers) + t] * p.TierUnits[t];
            }

            for (var t = 0; t < tiers; t++)
            {
                var cur = current[(m * tiers) + t];
                var cap = currentUnits <= room
                    ? cur + (demandUnits == 0 ? 0 : (long)((Int128)(room - (long)currentUnits) * demand[t] / demandUnits))
                    : (long)((Int128)room * cur / currentUnits);
                caps[(m * tiers) + t] = Math.Min(cap, demand[t]);
            }
        }

        return caps;
    }

    /// <summary>
    /// Adds the objective's balance pieces of one (manager, tier) as parallel arcs of increasing unit cost, shifted past
    /// the load already placed and cut at the round's capacity, so the round pays exactly the objective's increase.
    /// </summary>
    private static void AddBalancePieces(AllocationObjective objective, MinCostFlow flow, int cell, int from, int to, long placed, long capacity)
    {
        var end = placed + capacity;
        for (var j = 0; j < AllocationObjective.Pieces; j++)
        {
            var width = Math.Min(end, objective.PieceEnd(cell, j)) - Math.Max(placed, objective.PieceStart(cell, j));
            if (width > 0)
            {
                flow.AddArcWithCapacityAndUnitCost(from, to, width, objective.PieceCost(j));
            }
        }
    }
}
