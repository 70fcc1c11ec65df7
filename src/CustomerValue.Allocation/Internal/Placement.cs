namespace CustomerValue.Allocation.Internal;

/// <summary>A plan under construction: the manager per customer (-1 = unplaced) and each manager's load so far.</summary>
internal sealed class Placement
{
    private readonly AllocationProblem _problem;

    public Placement(AllocationProblem problem)
    {
        _problem = problem;
        ManagerOf = new int[problem.Count];
        Array.Fill(ManagerOf, -1);
        Count = new long[problem.Managers];
        Units = new long[problem.Managers];
        ByTier = new long[problem.Managers * problem.TierCount];
    }

    public int[] ManagerOf { get; }

    public long[] Count { get; }

    public long[] Units { get; }

    /// <summary>Per (manager, tier): manager * tiers + tier.</summary>
    public long[] ByTier { get; }

    public void Place(int customer, int manager)
    {
        ManagerOf[customer] = manager;
        Count[manager]++;
        Units[manager] += _problem.Units[customer];
        ByTier[(manager * _problem.TierCount) + _problem.Tier[customer]]++;
    }

    /// <summary>Whether the manager has room for one more customer of this workload.</summary>
    public bool Fits(int customer, int manager)
        => Count[manager] < _problem.MaxCustomers[manager]
           && (_problem.MaxUnits[manager] == long.MaxValue || Units[manager] + _problem.Units[customer] <= _problem.MaxUnits[manager]);
}
