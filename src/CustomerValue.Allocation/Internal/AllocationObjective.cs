namespace CustomerValue.Allocation.Internal;

/// <summary>
/// The objective every solver minimises and every plan is measured by, defined on the problem's data alone (never on a
/// solver's intermediate state), so the flow, CP-SAT and the tests' exact reference all price a plan the same way:
/// path costs (skill, seniority), the move cost of current customers who do not stay, the convex balance penalty per
/// (manager, tier), and a penalty per unplaced customer.
/// </summary>
internal sealed class AllocationObjective
{
    /// <summary>Groups of the unplaced penalty, in increasing order: leaving out a later group costs more.</summary>
    public const int Newcomer = 0;

    public const int Leaver = 1;

    public const int Keeper = 2;

    public const int Groups = 3;

    /// <summary>The balance pieces above the free share: widths as fractions of the share; the last piece is unbounded.</summary>
    private static readonly double[] PieceWidths = [0.10, 0.15, 0.25];

    /// <summary>Unit cost of each balance piece in multiples of <see cref="AllocationOptions.BalanceCost"/>, the free share first.</summary>
    private static readonly long[] PieceMultipliers = [0, 1, 2, 4, 8];

    public AllocationObjective(AllocationProblem problem)
    {
        var p = problem;
        Problem = p;
        CurrentCount = new long[p.Managers];
        CurrentUnits = new long[p.Managers];
        var currentByTier = new long[p.Managers * p.TierCount];
        var all = new long[p.TierCount];
        for (var i = 0; i < p.Count; i++)
        {
            all[p.Tier[i]]++;
            if (p.Current[i] is var m and >= 0)
            {
                CurrentCount[m]++;
                CurrentUnits[m] += p.Units[i];
                currentByTier[(m * p.TierCount) + p.Tier[i]]++;
            }
        }

        HeaviestFirst = [.. Enumerable.Range(0, p.TierCount).OrderByDescending(t => p.TierUnits[t]).ThenBy(t => t)];
        Forced = new long[p.Managers];
        for (var m = 0; m < p.Managers; m++)
        {
            Forced[m] = ForcedLeavers(p, m, currentByTier);
        }

        Group = new int[p.Count];
        for (var i = 0; i < p.Count; i++)
        {
            Group[i] = p.Current[i] < 0 ? Newcomer : Forced[p.Current[i]] > 0 ? Leaver : Keeper;
        }

        MoveCostLimit = p.Options.MaxMoves is null ? p.Options.MoveCost : Math.Max(p.Options.MoveCost, (2 * p.MaxSingleGain) + 1);
        PenaltyUnit = checked((2 * (p.MaxSingleGain + MoveCostLimit)) + 2);
        Breaks = BalanceBreaks(p, all);
    }

    public AllocationProblem Problem { get; }

    /// <summary>Per manager, the current customers in the problem.</summary>
    public long[] CurrentCount { get; }

    /// <summary>Per manager, the current customers' workload units.</summary>
    public long[] CurrentUnits { get; }

    /// <summary>The tiers by workload weight, heaviest first (ties by code).</summary>
    public int[] HeaviestFirst { get; }

    /// <summary>
    /// Per manager, the fewest current customers who must leave so the rest fit both capacities: the count excess, or
    /// the heaviest customers until the workload fits, whichever is more (removing the heaviest satisfies both).
    /// </summary>
    public long[] Forced { get; }

    /// <summary>Per customer, the unplaced-penalty group: new (or with an unavailable manager), of an over-capacity manager, or of a manager with room.</summary>
    public int[] Group { get; }

    /// <summary>The largest move cost any solve uses: <see cref="AllocationOptions.MoveCost"/>, or the top of the move-cap search.</summary>
    public long MoveCostLimit { get; }

    /// <summary>The unit of the unplaced penalty: above any single customer's path cost, at every move cost up to <see cref="MoveCostLimit"/>.</summary>
    public long PenaltyUnit { get; }

    /// <summary>Per (manager, tier), the ends of the first four balance pieces (free share, then 1x, 2x, 4x); the 8x piece is unbounded.</summary>
    public long[] Breaks { get; }

    /// <summary>The number of balance pieces: the free share, three bounded pieces and the unbounded last one.</summary>
    public static int Pieces => PieceMultipliers.Length;

    public long PathCost(int customer, int manager)
        => Problem.SkillCost(customer, manager) + Problem.SeniorityCost(Problem.Band[customer], manager);

    /// <summary>The penalty of leaving a customer of this group and band unplaced, without the move cost.</summary>
    public long GroupPenalty(int group, int band) => checked(PenaltyUnit * ((group * Problem.Bands) + band + 1));

    /// <summary>The penalty of leaving the customer unplaced; a current customer also pays the move cost, as any who does not stay.</summary>
    public long Penalty(int customer, long moveCost)
        => checked(GroupPenalty(Group[customer], Problem.Band[customer]) + (Problem.Current[customer] >= 0 ? moveCost : 0));

    /// <summary>The unit cost of balance piece <paramref name="piece"/>.</summary>
    public long PieceCost(int piece) => PieceMultipliers[piece] * Problem.Options.BalanceCost;

    /// <summary>Where balance piece <paramref name="piece"/> of (manager, tier) <paramref name="cell"/> starts.</summary>
    public long PieceStart(int cell, int piece) => piece == 0 ? 0 : Breaks[(cell * (Pieces - 1)) + piece - 1];

    /// <summary>Where balance piece <paramref name="piece"/> of (manager, tier) <paramref name="cell"/> ends (<see cref="long.MaxValue"/> for the last).</summary>
    public long PieceEnd(int cell, int piece) => piece == Pieces - 1 ? long.MaxValue : Breaks[(cell * (Pieces - 1)) + piece];

    /// <summary>The balance penalty of (manager, tier) <paramref name="cell"/> at <paramref name="load"/> customers: convex, piecewise linear.</summary>
    public long Balance(int cell, long load)
    {
        var cost = 0L;
        for (var j = 1; j < Pieces; j++)
        {
            var start = PieceStart(cell, j);
            if (load <= start)
            {
                break;
            }

            cost = checked(cost + (PieceCost(j) * (Math.Min(load, PieceEnd(cell, j)) - start)));
        }

        return cost;
    }

    /// <summary>Prices a plan: its cost without the unplaced penalties, and those penalties.</summary>
    /// <param name="managerOf">The manager per customer, -1 = unplaced.</param>
    /// <param name="moveCost">The move cost.</param>
    public (long Cost, long Penalty) Evaluate(int[] managerOf, long moveCost)
    {
        var p = Problem;
        var load = new long[p.Managers * p.TierCount];
        var cost = 0L;
        var penalty = 0L;
        for (var i = 0; i < p.Count; i++)
        {
            var m = managerOf[i];
            if (m < 0)
            {
                penalty = checked(penalty + Penalty(i, moveCost));
                continue;
            }

            load[(m * p.TierCount) + p.Tier[i]]++;
            cost = checked(cost + PathCost(i, m) + (p.Current[i] >= 0 && p.Current[i] != m ? moveCost : 0));
        }

        for (var cell = 0; cell < load.Length; cell++)
        {
            cost = checked(cost + Balance(cell, load[cell]));
        }

        return (cost, penalty);
    }

    /// <summary>The objective value of a plan: cost plus unplaced penalties.</summary>
    public long Value(int[] managerOf, long moveCost)
    {
        var (cost, penalty) = Evaluate(managerOf, moveCost);
        return checked(cost + penalty);
    }

    /// <summary>The voluntary moves of a plan: per manager, the current customers who do not stay beyond those who must leave.</summary>
    public long Voluntary(int[] managerOf)
    {
        var leavers = new long[Problem.Managers];
        for (var i = 0; i < Problem.Count; i++)
        {
            if (Problem.Current[i] >= 0 && managerOf[i] != Problem.Current[i])
            {
                leavers[Problem.Current[i]]++;
            }
        }

        var voluntary = 0L;
        for (var m = 0; m < leavers.Length; m++)
        {
            voluntary += Math.Max(0, leavers[m] - Forced[m]);
        }

        return voluntary;
    }

    /// <summary>Whether every manager's workload in the plan is within its limit.</summary>
    public bool FitsWorkload(int[] managerOf)
    {
        var units = new long[Problem.Managers];
        for (var i = 0; i < Problem.Count; i++)
        {
            if (managerOf[i] >= 0)
            {
                units[managerOf[i]] += Problem.Units[i];
            }
        }

        for (var m = 0; m < units.Length; m++)
        {
            if (units[m] > Problem.MaxUnits[m])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many customers of a tier the manager could hold at most: the count limit, and the workload limit in that tier's units.</summary>
    public long TierRoom(int manager, int tier)
    {
        var p = Problem;
        var room = p.MaxCustomers[manager];
        return p.MaxUnits[manager] == long.MaxValue ? room : Math.Min(room, p.MaxUnits[manager] / p.TierUnits[tier]);
    }

    private long ForcedLeavers(AllocationProblem p, int m, long[] currentByTier)
    {
        var byCount = p.MaxCustomers[m] == long.MaxValue ? 0 : Math.Max(0, CurrentCount[m] - p.MaxCustomers[m]);
        var byWorkload = 0L;
        if (p.MaxUnits[m] != long.MaxValue && CurrentUnits[m] > p.MaxUnits[m])
        {
            var excess = CurrentUnits[m] - p.MaxUnits[m];
            foreach (var t in HeaviestFirst)
            {
                var held = currentByTier[(m * p.TierCount) + t];
                var take = Math.Min(held, (excess + p.TierUnits[t] - 1) / p.TierUnits[t]);
                byWorkload += take;
                excess -= take * p.TierUnits[t];
                if (excess <= 0)
                {
                    break;
                }
            }
        }

        return Math.Max(byCount, byWorkload);
    }

    /// <summary>
    /// Each manager's fair share of each tier is the tier's customers times the manager's share of the room for that tier
    /// (<see cref="TierRoom"/>, capped at the tier's size): load up to it is free, above it the pieces grow 1x, 2x, 4x, 8x.
    /// </summary>
    private long[] BalanceBreaks(AllocationProblem p, long[] all)
    {
        var breaks = new long[p.Managers * p.TierCount * (Pieces - 1)];
        for (var t = 0; t < p.TierCount; t++)
        {
            double totalRoom = 0;
            for (var m = 0; m < p.Managers; m++)
            {
                totalRoom += Math.Min(all[t], TierRoom(m, t));
            }

            for (var m = 0; m < p.Managers; m++)
            {
                var target = totalRoom > 0 ? all[t] * (Math.Min(all[t], TierRoom(m, t)) / totalRoom) : 0;
                var at = ((m * p.TierCount) + t) * (Pieces - 1);
                breaks[at] = (long)Math.Floor(target);
                for (var j = 0; j < PieceWidths.Length; j++)
                {
                    breaks[at + j + 1] = breaks[at + j] + Math.Max(1, (long)Math.Ceiling(target * PieceWidths[j]));
                }
            }
        }

        return breaks;
    }
}
