using CustomerValue.Allocation.Internal;

namespace CustomerValue.Allocation;

/// <summary>
/// Options of <see cref="PortfolioAllocator"/>: workload weights and the weights of the objective's terms. Immutable.
/// Costs are integers because the min-cost flow solver works in integer costs; only their ratios matter.
/// </summary>
public sealed record AllocationOptions
{
    /// <summary>Gets the workload weight of a customer by tier label (ordinal comparison); each must be finite and &gt; 0.</summary>
    /// <value>The default value is empty: every tier weighs <see cref="DefaultWorkload"/>.</value>
    public IReadOnlyDictionary<string, double> WorkloadByTier { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Gets the workload weight of tiers missing from <see cref="WorkloadByTier"/>, or <see langword="null"/> to reject such tiers.</summary>
    /// <value>The default value is 1.</value>
    public double? DefaultWorkload { get; init; } = 1;

    /// <summary>Gets the number of priority bands, 2..100: priority p falls in band min(bands - 1, floor(p * bands)), and band b is matched to the manager seniority rank at the same relative position.</summary>
    /// <value>The default value is 5.</value>
    public int PriorityBands { get; init; } = 5;

    /// <summary>Gets the cost of a customer whose industry the manager does not know, 0..1,000,000.</summary>
    /// <value>The default value is 20.</value>
    public int IndustryMismatchCost { get; init; } = 20;

    /// <summary>Gets the cost of a customer whose region the manager does not cover, 0..1,000,000.</summary>
    /// <value>The default value is 10.</value>
    public int RegionMismatchCost { get; init; } = 10;

    /// <summary>Gets the cost per band of distance between the customer's priority band and the manager's seniority position, 0..1,000,000.</summary>
    /// <value>The default value is 5.</value>
    public int SeniorityMismatchCost { get; init; } = 5;

    /// <summary>
    /// Gets the base unit cost of load above a manager's fair share of a tier, 0..1,000,000. Load up to the share is free;
    /// the next 10% costs 1x, up to 25% 2x, up to 50% 4x, beyond 8x this cost per customer (a convex penalty).
    /// </summary>
    /// <value>The default value is 3.</value>
    public int BalanceCost { get; init; } = 3;

    /// <summary>Gets the cost of moving a customer who could stay with the current manager, 0..1,000,000.</summary>
    /// <value>The default value is 30: a move must save more than that in the other terms.</value>
    public int MoveCost { get; init; } = 30;

    /// <summary>
    /// Gets the most voluntary moves (<see cref="MoveReason.SkillMatch"/> and <see cref="MoveReason.Rebalancing"/>) per run, &gt;= 0,
    /// or <see langword="null"/> for no cap. Forced changes (new customers, over capacity, channel changes, unavailable managers) are not capped.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? MaxMoves { get; init; }

    /// <summary>
    /// Gets the work limit of the CP-SAT solver, which runs when the min-cost flow cannot prove its plan optimal (weighted
    /// workload limits or a binding <see cref="MaxMoves"/>), 0 to 1 hour, or <see cref="TimeSpan.Zero"/> to keep the flow's
    /// plan. Counted in CP-SAT's deterministic time (about seconds of one core, but the same on every machine and every
    /// run), so the same input always gives the same plan; the plan reports the gap when the limit stops the search.
    /// </summary>
    /// <value>The default value is 10 seconds.</value>
    public TimeSpan SolverTimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns the workload weight of a tier, or <see langword="null"/> when the options give it none.</summary>
    internal double? WorkloadOf(string tier) => WorkloadByTier.TryGetValue(tier, out var weight) ? weight : DefaultWorkload;

    /// <summary>Checks every option and throws one exception naming every bad one.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        foreach (var (tier, weight) in WorkloadByTier)
        {
            if (!double.IsFinite(weight) || weight <= 0)
            {
                problems.Add(Check.Invariant($"WorkloadByTier['{tier}'] must be finite and > 0; it was {weight}"));
            }
        }

        if (DefaultWorkload is { } d && (!double.IsFinite(d) || d <= 0))
        {
            problems.Add(Check.Invariant($"DefaultWorkload must be null or finite and > 0; it was {d}"));
        }

        if (PriorityBands is < 2 or > 100)
        {
            problems.Add(Check.Invariant($"PriorityBands must be between 2 and 100; it was {PriorityBands}"));
        }

        CheckCost(problems, nameof(IndustryMismatchCost), IndustryMismatchCost);
        CheckCost(problems, nameof(RegionMismatchCost), RegionMismatchCost);
        CheckCost(problems, nameof(SeniorityMismatchCost), SeniorityMismatchCost);
        CheckCost(problems, nameof(BalanceCost), BalanceCost);
        CheckCost(problems, nameof(MoveCost), MoveCost);
        if (MaxMoves is < 0)
        {
            problems.Add(Check.Invariant($"MaxMoves must be null or >= 0; it was {MaxMoves}"));
        }

        if (SolverTimeLimit < TimeSpan.Zero || SolverTimeLimit > TimeSpan.FromHours(1))
        {
            problems.Add(Check.Invariant($"SolverTimeLimit must be between 0 and 1 hour; it was {SolverTimeLimit}"));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid AllocationOptions: " + string.Join("; ", problems) + ".", "options");
        }
    }

    private static void CheckCost(List<string> problems, string name, int value)
    {
        if (value is < 0 or > Check.MaxCost)
        {
            problems.Add(Check.Invariant($"{name} must be between 0 and {Check.MaxCost}; it was {value}"));
        }
    }
}
