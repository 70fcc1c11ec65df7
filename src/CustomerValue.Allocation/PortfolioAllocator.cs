using CustomerValue.Allocation.Internal;

namespace CustomerValue.Allocation;

/// <summary>
/// Allocates customers to account managers and service channels with Google OR-Tools (a min-cost flow, and CP-SAT where
/// workload limits or a move cap break the network), and reports the moves, the resulting portfolios and how close to
/// optimal the plan is proven to be.
/// </summary>
/// <remarks>
/// <para>
/// <b>Policy.</b> <see cref="ServicePolicy"/> sends each customer to a channel or to a dedicated manager; channel
/// customers are assigned directly. Only the managed customers enter the optimisation.
/// </para>
/// <para>
/// <b>Formulation (a transportation network).</b> Managed customers with the same tier, industry, region and priority
/// band (a <i>profile</i>) cost the same everywhere, so the graph has one supply node per profile, not one per
/// customer: a million customers and a thousand managers make a few thousand nodes. Arcs: profile → (manager, tier)
/// for every manager, at the skill cost (<see cref="AllocationOptions.IndustryMismatchCost"/> when the manager does
/// not know the industry, plus <see cref="AllocationOptions.RegionMismatchCost"/> when it does not cover the region)
/// plus the seniority cost (<see cref="AllocationOptions.SeniorityMismatchCost"/> per band between the customer's
/// priority band and the manager's seniority rank scaled onto the bands, so the highest priorities go to the most
/// senior managers) plus <see cref="AllocationOptions.MoveCost"/>; one "stay" arc per (profile, current manager),
/// with capacity the number of such customers, at the same cost without the move cost (new customers pay the move
/// cost on every arc, a constant the reported cost removes); profile → "unplaced" in three arcs of increasing penalty,
/// each above any placement path and growing with the band: new customers, then customers of over-capacity managers,
/// then customers whose manager has room, so an existing relationship is never dropped to make room for someone else;
/// (manager, tier) → manager as parallel arcs of increasing unit cost (free up to the manager's fair share of the
/// tier, then 1x, 2x, 4x, 8x <see cref="AllocationOptions.BalanceCost"/>: a convex penalty that spreads every tier,
/// and with it workload and value, in proportion to capacity; the share is the tier's customers times the manager's
/// share of the room for the tier, the room being the customer-count capacity and the workload capacity divided by
/// the tier's weight, whichever is smaller); manager → sink with the customer-count capacity. The
/// sink takes every customer, so a feasible flow always exists and short capacity shows up as flow into "unplaced".
/// The solver's flows per arc are turned into customers deterministically: the highest priorities of a (profile,
/// current manager) group take its stay flow, the lowest priorities of each unplaced group are left out.
/// </para>
/// <para>
/// <b>Workload capacity.</b> A weighted capacity is not a network constraint. The network is first solved without it
/// (each tier still bounded by the workload capacity divided by its weight): that optimum is a lower bound on every
/// plan, and the plan itself when it happens to fit the workload capacities. When it does not, a feasible plan comes
/// from splitting each manager's workload room into per-tier counts (current customers keep their room, spare room is
/// shared by the tiers' workload demand), then offering what the split stranded to one tier at a time, heaviest
/// first. CP-SAT then solves the same objective over the profile-aggregated model (an integer count per profile and
/// manager, the workload limits as exact weighted rows), hinted with that plan, within
/// <see cref="AllocationOptions.SolverTimeLimit"/>; models above a measured size keep the flow's plan and bound (see
/// the package README).
/// </para>
/// <para>
/// <b>Stability.</b> Staying costs nothing extra; a move costs <see cref="AllocationOptions.MoveCost"/>, so a customer
/// moves only when the move saves more in the other terms. When <see cref="AllocationOptions.MaxMoves"/> is set and the
/// plan makes more voluntary moves, the move cost is doubled and the problem solved again (a Lagrangian price on the
/// cap) until it fits, then bisected to the smallest such cost. Pricing is not exact (a cap of one can forbid a pair
/// of moves that each pay only together while the single move that would fit no longer pays), so each priced solve
/// also yields a lower bound, and CP-SAT, with the cap as an exact row, takes over as for workload limits. Moves that
/// make room for a customer who would otherwise be unplaced save more than any move cost; when even the largest move
/// cost leaves too many voluntary moves, each manager keeps as many of its current customers as fit (highest priority
/// first, among the sets of that size that fit) and only new customers and those who must leave are placed, so the cap
/// always holds.
/// </para>
/// <para>
/// <b>Exactness.</b> <see cref="AllocationPlan.Objective"/> is the plan's value of the objective above (with the move
/// cost of <see cref="AllocationOptions.MoveCost"/>), <see cref="AllocationPlan.ObjectiveBound"/> the best proven lower
/// bound (the relaxed network, the priced solves, CP-SAT), and <see cref="AllocationPlan.Optimality"/> says whether
/// they meet. With customer-count capacities only and no binding move cap, one network solve is optimal.
/// </para>
/// <para>
/// <b>Determinism.</b> Customers and managers are sorted by id (ordinal) before the models are built, customers of a
/// class are placed in order of priority (descending), then id, and CP-SAT runs on one worker with a fixed seed and a
/// deterministic time limit, so the same input in any order gives the same plan on any machine.
/// </para>
/// </remarks>
public static class PortfolioAllocator
{
    /// <summary>Allocates the customers to managers and channels.</summary>
    /// <param name="customers">The customers; ids unique and non-blank, tiers non-blank, priority 0..1, value finite.</param>
    /// <param name="managers">The managers; ids unique and non-blank, capacities &gt;= 0, skill lists not null.</param>
    /// <param name="policy">Which customers get a dedicated manager and which a channel.</param>
    /// <param name="options">The workload weights and objective weights; <see langword="null"/> for the defaults.</param>
    /// <returns>
    /// The plan. When the capacity is too small, the plan places the highest-priority customers and lists the rest in
    /// <see cref="AllocationPlan.Unplaced"/> with the reason; it does not throw.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument, a customer, a manager or a manager's skill list is null.</exception>
    /// <exception cref="ArgumentException">An id is blank or repeated, a value is out of range, a tier has no workload weight, the policy names a blank service, or an option is invalid.</exception>
    public static AllocationPlan Allocate(
        IReadOnlyList<AllocationCustomer> customers,
        IReadOnlyList<AccountManager> managers,
        ServicePolicy policy,
        AllocationOptions? options = null)
        => Builder(customers, managers, policy, options).Build();

    /// <summary>Validates and sorts the inputs: the builder of <see cref="Allocate"/>, and the tests' way to the objective it minimises.</summary>
    internal static PlanBuilder Builder(
        IReadOnlyList<AllocationCustomer> customers,
        IReadOnlyList<AccountManager> managers,
        ServicePolicy policy,
        AllocationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(managers);
        ArgumentNullException.ThrowIfNull(policy);
        options ??= new AllocationOptions();
        options.Validate();
        ValidatePolicy(policy);
        var sortedManagers = SortManagers(managers);
        var sortedCustomers = SortCustomers(customers);
        CheckWorkloads(sortedCustomers, policy, options);
        return new PlanBuilder(sortedCustomers, sortedManagers, policy, options);
    }

    private static void ValidatePolicy(ServicePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy.ServiceByStatus, "policy.ServiceByStatus");
        ArgumentNullException.ThrowIfNull(policy.ServiceByTier, "policy.ServiceByTier");
        if (string.IsNullOrWhiteSpace(policy.DefaultService))
        {
            throw new ArgumentException("ServicePolicy.DefaultService must be a channel name or ServicePolicy.DedicatedManager; it was empty.", nameof(policy));
        }

        foreach (var (field, rules) in new[] { ("ServiceByStatus", policy.ServiceByStatus), ("ServiceByTier", policy.ServiceByTier) })
        {
            foreach (var (label, service) in rules)
            {
                if (string.IsNullOrWhiteSpace(service))
                {
                    throw new ArgumentException(Check.Invariant($"ServicePolicy.{field}['{label}'] must be a channel name or ServicePolicy.DedicatedManager; it was empty."), nameof(policy));
                }
            }
        }
    }

    private static void CheckWorkloads(AllocationCustomer[] customers, ServicePolicy policy, AllocationOptions options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var customer in customers)
        {
            if (string.Equals(policy.ServiceFor(customer.Tier, customer.Status), ServicePolicy.DedicatedManager, StringComparison.Ordinal)
                && seen.Add(customer.Tier)
                && options.WorkloadOf(customer.Tier) is null)
            {
                throw new ArgumentException(
                    Check.Invariant($"The tier '{customer.Tier}' (customer '{customer.Id}') has no workload weight in AllocationOptions.WorkloadByTier (it has: {string.Join(", ", options.WorkloadByTier.Keys.Order(StringComparer.Ordinal))}); add it, or set AllocationOptions.DefaultWorkload."),
                    nameof(customers));
            }
        }
    }

    private static AccountManager[] SortManagers(IReadOnlyList<AccountManager> managers)
    {
        var sorted = new AccountManager[managers.Count];
        for (var m = 0; m < sorted.Length; m++)
        {
            var manager = managers[m] ?? throw new ArgumentNullException(nameof(managers), Check.Invariant($"The manager at index {m} is null."));
            if (string.IsNullOrWhiteSpace(manager.Id))
            {
                throw new ArgumentException(Check.Invariant($"The manager at index {m} has an empty id."), nameof(managers));
            }

            if (manager.MaxCustomers is < 0)
            {
                throw new ArgumentException(Check.Invariant($"Manager '{manager.Id}': MaxCustomers must be null or >= 0; it was {manager.MaxCustomers}."), nameof(managers));
            }

            if (manager.MaxWorkload is { } w && (!double.IsFinite(w) || w < 0 || w > 1e12))
            {
                throw new ArgumentException(Check.Invariant($"Manager '{manager.Id}': MaxWorkload must be null or between 0 and 1e12; it was {w}."), nameof(managers));
            }

            if (manager.Industries is null || manager.Regions is null)
            {
                throw new ArgumentNullException(nameof(managers), Check.Invariant($"Manager '{manager.Id}': Industries and Regions must not be null (use an empty list for none)."));
            }

            sorted[m] = manager;
        }

        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (var m = 1; m < sorted.Length; m++)
        {
            if (string.Equals(sorted[m - 1].Id, sorted[m].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException(Check.Invariant($"The manager id '{sorted[m].Id}' appears twice; ids must be unique."), nameof(managers));
            }
        }

        return sorted;
    }

    private static AllocationCustomer[] SortCustomers(IReadOnlyList<AllocationCustomer> customers)
    {
        var sorted = new AllocationCustomer[customers.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            var customer = customers[i] ?? throw new ArgumentNullException(nameof(customers), Check.Invariant($"The customer at index {i} is null."));
            if (string.IsNullOrWhiteSpace(customer.Id))
            {
                throw new ArgumentException(Check.Invariant($"The customer at index {i} has an empty id."), nameof(customers));
            }

            if (string.IsNullOrWhiteSpace(customer.Tier))
            {
                throw new ArgumentException(Check.Invariant($"Customer '{customer.Id}': Tier must not be empty."), nameof(customers));
            }

            if (!(customer.Priority is >= 0 and <= 1))
            {
                throw new ArgumentException(Check.Invariant($"Customer '{customer.Id}': Priority must be between 0 and 1; it was {customer.Priority}."), nameof(customers));
            }

            if (!double.IsFinite(customer.Value))
            {
                throw new ArgumentException(Check.Invariant($"Customer '{customer.Id}': Value must be a finite number; it was {customer.Value}."), nameof(customers));
            }

            sorted[i] = customer;
        }

        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1].Id, sorted[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException(Check.Invariant($"The customer id '{sorted[i].Id}' appears twice; ids must be unique."), nameof(customers));
            }
        }

        return sorted;
    }
}
