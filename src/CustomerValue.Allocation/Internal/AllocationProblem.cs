namespace CustomerValue.Allocation.Internal;

/// <summary>
/// The managed customers and the managers as integer-coded arrays, in ordinal id order, so that the flow graph and
/// its solution depend only on the content of the input, not on its order.
/// </summary>
internal sealed class AllocationProblem
{
    /// <summary>Workload is kept in thousandths so capacities compare exactly in integers.</summary>
    public const double WorkloadScale = 1000;

    public required int[] Customer { get; init; }      // index into the sorted customer list, per managed customer

    public required int[] Tier { get; init; }

    public required long[] Units { get; init; }

    public required int[] Band { get; init; }

    public required int[] Industry { get; init; }      // -1 = none

    public required int[] Region { get; init; }        // -1 = none

    public required int[] Current { get; init; }       // manager index, -1 = none or unavailable

    public required double[] Priority { get; init; }

    public required int TierCount { get; init; }

    public required long[] TierUnits { get; init; }

    public required int Bands { get; init; }

    public required long[] MaxCustomers { get; init; } // long.MaxValue = unlimited

    public required long[] MaxUnits { get; init; }     // long.MaxValue = unlimited

    public required bool[][] KnowsIndustry { get; init; }

    public required bool[][] CoversRegion { get; init; }

    public required double[] SeniorityPosition { get; init; }

    public required AllocationOptions Options { get; init; }

    public int Count => Tier.Length;

    public int Managers => MaxCustomers.Length;

    /// <summary>Whether any manager has a workload limit, which the network cannot express exactly.</summary>
    public bool HasWorkloadLimits => Array.Exists(MaxUnits, u => u != long.MaxValue);

    /// <summary>The customer's profile: the attributes that decide its cost with every manager.</summary>
    public (int Tier, int Industry, int Region, int Band) ProfileKey(int customer)
        => (Tier[customer], Industry[customer], Region[customer], Band[customer]);

    public long SkillCost(int customer, int manager)
    {
        var cost = 0L;
        var industry = Industry[customer];
        if (industry >= 0 && !KnowsIndustry[manager][industry])
        {
            cost += Options.IndustryMismatchCost;
        }

        var region = Region[customer];
        if (region >= 0 && !CoversRegion[manager][region])
        {
            cost += Options.RegionMismatchCost;
        }

        return cost;
    }

    public long SeniorityCost(int band, int manager)
        => (long)Math.Round(Options.SeniorityMismatchCost * Math.Abs(band - SeniorityPosition[manager]), MidpointRounding.AwayFromZero);

    /// <summary>The largest saving a single customer's move can bring in the skill, seniority and balance terms.</summary>
    public long MaxSingleGain
        => Options.IndustryMismatchCost + Options.RegionMismatchCost
           + ((long)Options.SeniorityMismatchCost * (Bands - 1)) + (8L * Options.BalanceCost);
}
