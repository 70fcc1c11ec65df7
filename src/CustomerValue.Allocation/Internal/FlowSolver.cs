using Google.OrTools.Graph;

namespace CustomerValue.Allocation.Internal;

/// <summary>The outcome of one solve: a manager per managed customer (-1 = unplaced) and the objective without unplaced penalties.</summary>
internal sealed record FlowOutcome(int[] ManagerOf, long Cost, long[] ForcedLeavers);

/// <summary>
/// Builds and solves the transportation network described on <see cref="PortfolioAllocator"/>: one round for everyone,
/// then, with workload capacities, one round per tier (heaviest first) for the customers the per-tier split left out.
/// </summary>
internal static class FlowSolver
{
    // Balance pieces above a manager's fair share of a tier: widths as fractions of the share, and unit-cost multipliers.
    private static readonly double[] PieceWidths = [0.10, 0.15, 0.25];
    private static readonly long[] PieceMultipliers = [1, 2, 4];
    private const long LastPieceMultiplier = 8;

    /// <summary>Solves the allocation.</summary>
    /// <param name="p">The problem.</param>
    /// <param name="moveCost">The move cost to solve with.</param>
    /// <param name="keepCurrent">
    /// Whether to keep, before solving, every current customer their manager has room for (highest priority first),
    /// so the only moves are of customers who do not fit: the strict form of a zero cap on voluntary moves.
    /// </param>
    public static FlowOutcome Solve(AllocationProblem p, long moveCost, bool keepCurrent = false)
    {
        var managerOf = new int[p.Count];
        Array.Fill(managerOf, -1);
        var placedCount = new long[p.Managers];
        var placedUnits = new long[p.Managers];
        var placedByTier = new long[p.Managers * p.TierCount];
        var forced = new long[p.Managers * p.TierCount];
        var cost = 0L;
        var pending = new List<int>(p.Count);
        for (var i = 0; i < p.Count; i++)
        {
            pending.Add(i);
        }

        if (keepCurrent)
        {
            var current = pending.FindAll(i => p.Current[i] >= 0);
            SortByPriority(p, current);
            foreach (var i in current)
            {
                var m = p.Current[i];
                if (placedCount[m] < p.MaxCustomers[m] && (p.MaxUnits[m] == long.MaxValue || placedUnits[m] + p.Units[i] <= p.MaxUnits[m]))
                {
                    Place(p, i, m, managerOf, placedCount, placedUnits, placedByTier);
                    cost += p.SkillCost(i, m) + p.SeniorityCost(p.Band[i], m);
                }
                else
                {
                    forced[(m * p.TierCount) + p.Tier[i]]++;
                }
            }

            pending = Unplaced(pending, managerOf, -1);
        }

        if (pending.Count > 0)
        {
            cost = checked(cost + SolveRound(p, moveCost, pending, managerOf, placedCount, placedUnits, placedByTier, keepCurrent ? null : forced));
            pending = Unplaced(pending, managerOf, -1);
        }

        // The per-tier split of the first round can strand workload room; offering what is left to one tier at a time,
        // heaviest first, makes the workload limit an exact count limit for that tier.
        if (pending.Count > 0 && Array.Exists(p.MaxUnits, u => u != long.MaxValue))
        {
            var order = Enumerable.Range(0, p.TierCount).OrderByDescending(t => p.TierUnits[t]).ThenBy(t => t).ToArray();
            foreach (var tier in order)
            {
                var ofTier = Unplaced(pending, managerOf, tier, p.Tier);
                if (ofTier.Count > 0)
                {
                    cost = checked(cost + SolveRound(p, moveCost, ofTier, managerOf, placedCount, placedUnits, placedByTier, null));
                }
            }
        }

        return new FlowOutcome(managerOf, cost, forced);
    }

    private static List<int> Unplaced(List<int> customers, int[] managerOf, int tier, int[]? tiers = null)
    {
        var result = new List<int>();
        foreach (var i in customers)
        {
            if (managerOf[i] < 0 && (tiers is null || tiers[i] == tier))
            {
                result.Add(i);
            }
        }

        return result;
    }

    private static long SolveRound(
        AllocationProblem p,
        long moveCost,
        List<int> pending,
        int[] managerOf,
        long[] placedCount,
        long[] placedUnits,
        long[] placedByTier,
        long[]? forced)
    {
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

        var excess = new long[managers * tiers];
        var tierCap = TierCapacities(p, demand, current, placedUnits, excess);
        if (forced is not null)
        {
            Array.Copy(excess, forced, excess.Length);
        }
        var overCapacity = new bool[managers];
        for (var m = 0; m < managers; m++)
        {
            var count = 0L;
            for (var t = 0; t < tiers; t++)
            {
                overCapacity[m] |= excess[(m * tiers) + t] > 0;
                count += current[(m * tiers) + t];
            }

            overCapacity[m] |= p.MaxCustomers[m] != long.MaxValue && count > p.MaxCustomers[m] - placedCount[m];
        }

        var targets = BalanceTargets(p, demand, placedByTier, tierCap);

        // Classes: customers with the same profile (tier, industry, region, band) and current manager are interchangeable.
        var profileIndex = new Dictionary<(int, int, int, int), int>();
        var classIndex = new Dictionary<(int Profile, int Manager), int>();
        var profileMembers = new List<List<int>>();
        var classMembers = new List<List<int>>();
        var classKeys = new List<(int Profile, int Manager)>();
        var profileFirst = new List<int>();
        foreach (var i in pending)
        {
            var key = (p.Tier[i], p.Industry[i], p.Region[i], p.Band[i]);
            if (!profileIndex.TryGetValue(key, out var k))
            {
                k = profileMembers.Count;
                profileIndex.Add(key, k);
                profileMembers.Add([]);
                profileFirst.Add(i);
            }

            if (p.Current[i] < 0)
            {
                profileMembers[k].Add(i);
                continue;
            }

            if (!classIndex.TryGetValue((k, p.Current[i]), out var c))
            {
                c = classMembers.Count;
                classIndex.Add((k, p.Current[i]), c);
                classMembers.Add([]);
                classKeys.Add((k, p.Current[i]));
            }

            classMembers[c].Add(i);
        }

        var profiles = profileMembers.Count;
        var total = (long)pending.Count;

        // Node layout: profiles, manager-tier nodes, managers, unplaced, sink. Every customer of a profile leaves the
        // profile node; the class structure lives in the arcs: a "stay" arc per (profile, current manager) without the
        // move cost, and the move cost on every other arc (a constant for new customers, who cannot stay).
        var managerTierBase = profiles;
        var managerBase = managerTierBase + (managers * tiers);
        var unplacedNode = managerBase + managers;
        var sink = unplacedNode + 1;
        var unplacedUnit = checked((2 * (p.MaxSingleGain + moveCost)) + 2);

        using var flow = new MinCostFlow();
        var stayArcs = new int[classMembers.Count];
        var leavers = new long[profiles];
        var keepers = new long[profiles];
        for (var c = 0; c < classMembers.Count; c++)
        {
            var (k, m) = classKeys[c];
            var n = classMembers[c].Count;
            var first = classMembers[c][0];
            var t = p.Tier[first];
            if (overCapacity[m])
            {
                leavers[k] += n;
            }
            else
            {
                keepers[k] += n;
            }

            stayArcs[c] = tierCap[(m * tiers) + t] > 0
                ? flow.AddArcWithCapacityAndUnitCost(k, managerTierBase + (m * tiers) + t, n, p.SkillCost(first, m) + p.SeniorityCost(p.Band[first], m))
                : -1;
        }

        var profileArcs = new List<(int Arc, int Manager)>[profiles];
        var unplacedArcs = new int[profiles * 3];
        for (var k = 0; k < profiles; k++)
        {
            var first = profileFirst[k];
            var t = p.Tier[first];
            var band = p.Band[first];
            var newcomers = profileMembers[k].Count;
            flow.SetNodeSupply(k, newcomers + leavers[k] + keepers[k]);
            profileArcs[k] = new List<(int, int)>(managers);
            for (var m = 0; m < managers; m++)
            {
                var cap = tierCap[(m * tiers) + t];
                if (cap > 0)
                {
                    profileArcs[k].Add((flow.AddArcWithCapacityAndUnitCost(k, managerTierBase + (m * tiers) + t, Math.Min(cap, total), p.SkillCost(first, m) + p.SeniorityCost(band, m) + moveCost), m));
                }
            }

            // Leaving a customer unplaced costs more than any placement path, more for higher bands, more for a current
            // customer than for any new one, and more for one whose manager has room than for an over-capacity
            // manager's: an existing relationship is never dropped to make room for someone else, which would be a
            // move the move cost cannot price. Increasing penalties make the solver use these arcs in this order.
            unplacedArcs[3 * k] = flow.AddArcWithCapacityAndUnitCost(k, unplacedNode, newcomers, checked(moveCost + (unplacedUnit * (band + 1))));
            unplacedArcs[(3 * k) + 1] = flow.AddArcWithCapacityAndUnitCost(k, unplacedNode, leavers[k], checked(moveCost + (unplacedUnit * (p.Bands + 1 + band))));
            unplacedArcs[(3 * k) + 2] = flow.AddArcWithCapacityAndUnitCost(k, unplacedNode, keepers[k], checked(moveCost + (unplacedUnit * ((2 * p.Bands) + 1 + band))));
        }

        for (var m = 0; m < managers; m++)
        {
            for (var t = 0; t < tiers; t++)
            {
                var cap = Math.Min(tierCap[(m * tiers) + t], demand[t]);
                if (cap > 0)
                {
                    AddBalancePieces(flow, managerTierBase + (m * tiers) + t, managerBase + m, cap, targets[(m * tiers) + t], p.Options.BalanceCost);
                }
            }

            var countCap = p.MaxCustomers[m] == long.MaxValue ? total : Math.Min(total, Math.Max(0, p.MaxCustomers[m] - placedCount[m]));
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

        // Identities: the highest priorities of a class stay; in each unplaced group the lowest priorities are left
        // out; everyone else is handed to the profile's manager arcs in priority order.
        var newcomerPools = new List<int>[profiles];
        var leaverPools = new List<int>[profiles];
        var keeperPools = new List<int>[profiles];
        for (var k = 0; k < profiles; k++)
        {
            newcomerPools[k] = profileMembers[k];
            leaverPools[k] = [];
            keeperPools[k] = [];
        }

        for (var c = 0; c < classMembers.Count; c++)
        {
            var members = classMembers[c];
            SortByPriority(p, members);
            var (k, m) = classKeys[c];
            var stay = stayArcs[c] >= 0 ? (int)flow.Flow(stayArcs[c]) : 0;
            for (var j = 0; j < members.Count; j++)
            {
                if (j < stay)
                {
                    Place(p, members[j], m, managerOf, placedCount, placedUnits, placedByTier);
                }
                else
                {
                    (overCapacity[m] ? leaverPools[k] : keeperPools[k]).Add(members[j]);
                }
            }
        }

        var newcomersPlaced = 0L;
        for (var k = 0; k < profiles; k++)
        {
            var pool = new List<int>();
            var newcomersLeft = (int)flow.Flow(unplacedArcs[3 * k]);
            newcomersPlaced += newcomerPools[k].Count - newcomersLeft;
            Keep(p, newcomerPools[k], newcomersLeft, pool);
            Keep(p, leaverPools[k], (int)flow.Flow(unplacedArcs[(3 * k) + 1]), pool);
            Keep(p, keeperPools[k], (int)flow.Flow(unplacedArcs[(3 * k) + 2]), pool);
            SortByPriority(p, pool);
            var next = 0;
            foreach (var (arc, m) in profileArcs[k])
            {
                for (var f = flow.Flow(arc); f > 0; f--)
                {
                    Place(p, pool[next++], m, managerOf, placedCount, placedUnits, placedByTier);
                }
            }
        }

        // The objective without the unplaced penalties and without the move cost the network charges new customers.
        var cost = flow.OptimalCost() - (newcomersPlaced * moveCost);
        for (var a = 0; a < unplacedArcs.Length; a++)
        {
            cost -= flow.Flow(unplacedArcs[a]) * flow.UnitCost(unplacedArcs[a]);
        }

        return cost;
    }

    /// <summary>Adds all but the <paramref name="left"/> lowest-priority members to <paramref name="pool"/>.</summary>
    private static void Keep(AllocationProblem p, List<int> members, int left, List<int> pool)
    {
        SortByPriority(p, members);
        for (var j = 0; j < members.Count - left; j++)
        {
            pool.Add(members[j]);
        }
    }

    private static void Place(AllocationProblem p, int i, int m, int[] managerOf, long[] placedCount, long[] placedUnits, long[] placedByTier)
    {
        managerOf[i] = m;
        placedCount[m]++;
        placedUnits[m] += p.Units[i];
        placedByTier[(m * p.TierCount) + p.Tier[i]]++;
    }

    private static void SortByPriority(AllocationProblem p, List<int> members)
        => members.Sort((a, b) =>
        {
            var byPriority = p.Priority[b].CompareTo(p.Priority[a]);
            return byPriority != 0 ? byPriority : a.CompareTo(b);
        });

    /// <summary>
    /// Splits each manager's remaining workload capacity into per-tier customer counts whose weighted sum cannot exceed it:
    /// current customers keep their room, spare room is shared in proportion to each tier's workload demand.
    /// A manager already over capacity keeps the same mix, scaled down; the customers beyond it are forced leavers.
    /// </summary>
    private static long[] TierCapacities(AllocationProblem p, long[] demand, long[] current, long[] placedUnits, long[] excess)
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

            var room = Math.Max(0, p.MaxUnits[m] - placedUnits[m]);
            Int128 currentUnits = 0;
            for (var t = 0; t < tiers; t++)
            {
                currentUnits += (Int128)current[(m * tiers) + t] * p.TierUnits[t];
            }

            for (var t = 0; t < tiers; t++)
            {
                var cur = current[(m * tiers) + t];
                long cap;
                if (currentUnits <= room)
                {
                    var spare = room - (long)currentUnits;
                    cap = cur + (demandUnits == 0 ? 0 : (long)((Int128)spare * demand[t] / demandUnits));
                }
                else
                {
                    cap = (long)((Int128)room * cur / currentUnits);
                    excess[(m * tiers) + t] = cur - cap;
                }

                caps[(m * tiers) + t] = Math.Min(cap, demand[t]);
            }
        }

        return caps;
    }

    /// <summary>
    /// Each manager's fair share of each tier: all customers of the tier (placed and pending), split in proportion to
    /// the manager's room for that tier, less what the manager already holds.
    /// </summary>
    private static double[] BalanceTargets(AllocationProblem p, long[] demand, long[] placedByTier, long[] tierCap)
    {
        var tiers = p.TierCount;
        var targets = new double[p.Managers * tiers];
        for (var t = 0; t < tiers; t++)
        {
            double totalRoom = 0;
            double all = demand[t];
            for (var m = 0; m < p.Managers; m++)
            {
                totalRoom += Room(p, m, t, tierCap, placedByTier);
                all += placedByTier[(m * tiers) + t];
            }

            for (var m = 0; m < p.Managers; m++)
            {
                var share = totalRoom > 0 ? Room(p, m, t, tierCap, placedByTier) / totalRoom : 0;
                targets[(m * tiers) + t] = Math.Max(0, (all * share) - placedByTier[(m * tiers) + t]);
            }
        }

        return targets;
    }

    private static double Room(AllocationProblem p, int m, int t, long[] tierCap, long[] placedByTier)
    {
        double room = tierCap[(m * p.TierCount) + t] + placedByTier[(m * p.TierCount) + t];
        return p.MaxCustomers[m] == long.MaxValue ? room : Math.Min(room, p.MaxCustomers[m]);
    }

    private static void AddBalancePieces(MinCostFlow flow, int from, int to, long capacity, double target, long unitCost)
    {
        var left = capacity;
        var free = Math.Min(left, (long)Math.Floor(target));
        if (free > 0)
        {
            flow.AddArcWithCapacityAndUnitCost(from, to, free, 0);
            left -= free;
        }

        for (var j = 0; j < PieceWidths.Length && left > 0; j++)
        {
            var width = Math.Min(left, Math.Max(1, (long)Math.Ceiling(target * PieceWidths[j])));
            flow.AddArcWithCapacityAndUnitCost(from, to, width, unitCost * PieceMultipliers[j]);
            left -= width;
        }

        if (left > 0)
        {
            flow.AddArcWithCapacityAndUnitCost(from, to, left, unitCost * LastPieceMultiplier);
        }
    }
}
