namespace CustomerValue.Allocation.Internal;

/// <summary>Turns sorted, validated inputs into a plan: policy, integer coding, the solve (with the move cap), and the reports.</summary>
internal sealed class PlanBuilder(AllocationCustomer[] customers, AccountManager[] managers, ServicePolicy policy, AllocationOptions options)
{
    private readonly Dictionary<string, int> _managerIndex = BuildManagerIndex(managers);
    private readonly string?[] _channel = new string?[customers.Length];
    private readonly int[] _managerOf = Fill(customers.Length, -1);
    private readonly long[] _units = new long[customers.Length];
    private readonly List<UnplacedCustomer> _unplaced = [];

    public AllocationPlan Build()
    {
        var managed = new List<int>(customers.Length);
        for (var i = 0; i < customers.Length; i++)
        {
            var service = policy.ServiceFor(customers[i].Tier, customers[i].Status);
            if (string.Equals(service, ServicePolicy.DedicatedManager, StringComparison.Ordinal))
            {
                managed.Add(i);
            }
            else
            {
                _channel[i] = service;
            }
        }

        var tiers = CodeTiers(managed);
        var solvable = Exclude(managed);
        var problem = Code(solvable, tiers);
        var moveCost = (long)options.MoveCost;
        var outcome = FlowSolver.Solve(problem, moveCost);
        if (options.MaxMoves is { } cap && Voluntary(problem, outcome) > cap)
        {
            (moveCost, outcome) = EnforceMoveCap(problem, cap, Math.Max(1, moveCost));

            // Moves that make room for customers who would otherwise be unplaced save more than any move cost; then
            // the cap is kept strictly by keeping every current customer who fits.
            if (Voluntary(problem, outcome) > cap)
            {
                outcome = FlowSolver.Solve(problem, moveCost, keepCurrent: true);
            }
        }

        for (var j = 0; j < problem.Count; j++)
        {
            _managerOf[problem.Customer[j]] = outcome.ManagerOf[j];
        }

        ReportUnplaced(problem, outcome);
        var forcedLeavers = ForcedLeavers(problem, outcome);
        return new AllocationPlan(Assignments(), Moves(problem, forcedLeavers), Portfolios(), [.. _unplaced.OrderBy(u => u.CustomerId, StringComparer.Ordinal)], outcome.Cost, moveCost);
    }

    /// <summary>
    /// Finds the smallest move cost at which the plan's voluntary moves fit the cap: doubling to bracket it, then
    /// bisection, up to twice the largest single-customer saving, above which only moves that make room for others pay.
    /// </summary>
    private static (long MoveCost, FlowOutcome Outcome) EnforceMoveCap(AllocationProblem problem, long cap, long start)
    {
        var limit = (2 * problem.MaxSingleGain) + 1;
        var low = start;
        var high = start;
        FlowOutcome fits;
        while (true)
        {
            high = Math.Min(high * 2, limit);
            fits = FlowSolver.Solve(problem, high);
            if (Voluntary(problem, fits) <= cap || high == limit)
            {
                break;
            }

            low = high;
        }

        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var outcome = FlowSolver.Solve(problem, middle);
            if (Voluntary(problem, outcome) <= cap)
            {
                (high, fits) = (middle, outcome);
            }
            else
            {
                low = middle;
            }
        }

        return (high, fits);
    }

    private static Dictionary<string, int> BuildManagerIndex(AccountManager[] managers)
    {
        var index = new Dictionary<string, int>(managers.Length, StringComparer.Ordinal);
        for (var m = 0; m < managers.Length; m++)
        {
            index.Add(managers[m].Id, m);
        }

        return index;
    }

    private static int[] Fill(int length, int value)
    {
        var array = new int[length];
        Array.Fill(array, value);
        return array;
    }

    private Dictionary<string, int> CodeTiers(List<int> managed)
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var i in managed)
        {
            labels.Add(customers[i].Tier);
        }

        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitsByTier = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            // PortfolioAllocator checked that every managed tier has a weight.
            var weight = options.WorkloadOf(label)!.Value;
            codes.Add(label, codes.Count);
            unitsByTier.Add(label, Math.Max(1, (long)Math.Round(weight * AllocationProblem.WorkloadScale, MidpointRounding.AwayFromZero)));
        }

        foreach (var i in managed)
        {
            _units[i] = unitsByTier[customers[i].Tier];
        }

        return codes;
    }

    private static long MaxUnits(AccountManager manager)
        => manager.MaxWorkload is { } w ? (long)Math.Floor(w * AllocationProblem.WorkloadScale) : long.MaxValue;

    /// <summary>Lists customers no manager could ever take, so the solver only sees customers it can place.</summary>
    private List<int> Exclude(List<int> managed)
    {
        if (managers.Length == 0)
        {
            foreach (var i in managed)
            {
                _unplaced.Add(new UnplacedCustomer(customers[i].Id, UnplacedReason.NoManagers, "The run has no managers; pass at least one AccountManager."));
            }

            return [];
        }

        var largest = 0L;
        foreach (var manager in managers)
        {
            largest = Math.Max(largest, MaxUnits(manager));
        }

        var solvable = new List<int>(managed.Count);
        foreach (var i in managed)
        {
            if (_units[i] > largest)
            {
                _unplaced.Add(new UnplacedCustomer(
                    customers[i].Id,
                    UnplacedReason.WorkloadTooLarge,
                    Check.Invariant($"The customer's workload {_units[i] / AllocationProblem.WorkloadScale} (tier '{customers[i].Tier}') exceeds every manager's MaxWorkload (largest {largest / AllocationProblem.WorkloadScale}); raise a MaxWorkload or lower AllocationOptions.WorkloadByTier['{customers[i].Tier}'].")));
            }
            else
            {
                solvable.Add(i);
            }
        }

        return solvable;
    }

    private AllocationProblem Code(List<int> solvable, Dictionary<string, int> tiers)
    {
        var n = solvable.Count;
        var industries = new Dictionary<string, int>(StringComparer.Ordinal);
        var regions = new Dictionary<string, int>(StringComparer.Ordinal);
        var bands = options.PriorityBands;
        var tier = new int[n];
        var units = new long[n];
        var band = new int[n];
        var industry = new int[n];
        var region = new int[n];
        var current = new int[n];
        var priority = new double[n];
        var tierUnits = new long[tiers.Count];
        for (var j = 0; j < n; j++)
        {
            var c = customers[solvable[j]];
            tier[j] = tiers[c.Tier];
            units[j] = _units[solvable[j]];
            tierUnits[tier[j]] = units[j];
            band[j] = Math.Min(bands - 1, (int)Math.Floor(c.Priority * bands));
            industry[j] = Code(industries, c.Industry);
            region[j] = Code(regions, c.Region);
            current[j] = c.CurrentManagerId is { } id && _managerIndex.TryGetValue(id, out var m) ? m : -1;
            priority[j] = c.Priority;
        }

        var levels = managers.Select(m => m.Seniority).Distinct().Order().ToArray();
        var knows = new bool[managers.Length][];
        var covers = new bool[managers.Length][];
        var position = new double[managers.Length];
        var maxCustomers = new long[managers.Length];
        var maxUnits = new long[managers.Length];
        for (var m = 0; m < managers.Length; m++)
        {
            knows[m] = Skills(industries, managers[m].Industries);
            covers[m] = Skills(regions, managers[m].Regions);
            var rank = Array.BinarySearch(levels, managers[m].Seniority);
            position[m] = levels.Length == 1 ? (bands - 1) / 2.0 : rank * (bands - 1) / (double)(levels.Length - 1);
            maxCustomers[m] = managers[m].MaxCustomers ?? long.MaxValue;
            maxUnits[m] = MaxUnits(managers[m]);
        }

        return new AllocationProblem
        {
            Customer = [.. solvable],
            Tier = tier,
            Units = units,
            Band = band,
            Industry = industry,
            Region = region,
            Current = current,
            Priority = priority,
            TierCount = tiers.Count,
            TierUnits = tierUnits,
            Bands = bands,
            MaxCustomers = maxCustomers,
            MaxUnits = maxUnits,
            KnowsIndustry = knows,
            CoversRegion = covers,
            SeniorityPosition = position,
            Options = options,
        };
    }

    private static int Code(Dictionary<string, int> codes, string? label)
    {
        if (label is null)
        {
            return -1;
        }

        if (!codes.TryGetValue(label, out var code))
        {
            code = codes.Count;
            codes.Add(label, code);
        }

        return code;
    }

    private static bool[] Skills(Dictionary<string, int> codes, IReadOnlyList<string> labels)
    {
        var known = new bool[codes.Count];
        foreach (var label in labels)
        {
            if (label is not null && codes.TryGetValue(label, out var code))
            {
                known[code] = true;
            }
        }

        return known;
    }

    /// <summary>
    /// Per current manager, how many of the customers who leave had to leave: the excess of the current portfolio over
    /// the count capacity, or over the workload capacity (as split per tier by the solver's first round).
    /// </summary>
    private static long[] ForcedLeavers(AllocationProblem p, FlowOutcome outcome)
    {
        var currentCount = new long[p.Managers];
        for (var j = 0; j < p.Count; j++)
        {
            if (p.Current[j] >= 0)
            {
                currentCount[p.Current[j]]++;
            }
        }

        var forced = new long[p.Managers];
        for (var m = 0; m < p.Managers; m++)
        {
            var byWorkload = 0L;
            for (var t = 0; t < p.TierCount; t++)
            {
                byWorkload += outcome.ForcedLeavers[(m * p.TierCount) + t];
            }

            var byCount = p.MaxCustomers[m] == long.MaxValue ? 0 : Math.Max(0, currentCount[m] - p.MaxCustomers[m]);
            forced[m] = Math.Max(byWorkload, byCount);
        }

        return forced;
    }

    private static long Voluntary(AllocationProblem p, FlowOutcome outcome)
    {
        var leavers = new long[p.Managers];
        for (var j = 0; j < p.Count; j++)
        {
            if (p.Current[j] >= 0 && outcome.ManagerOf[j] != p.Current[j])
            {
                leavers[p.Current[j]]++;
            }
        }

        var forced = ForcedLeavers(p, outcome);
        var voluntary = 0L;
        for (var m = 0; m < p.Managers; m++)
        {
            voluntary += Math.Max(0, leavers[m] - forced[m]);
        }

        return voluntary;
    }

    private void ReportUnplaced(AllocationProblem p, FlowOutcome outcome)
    {
        var need = 0L;
        var left = new List<int>();
        for (var j = 0; j < p.Count; j++)
        {
            need++;
            if (outcome.ManagerOf[j] < 0)
            {
                left.Add(p.Customer[j]);
            }
        }

        if (left.Count == 0)
        {
            return;
        }

        var countRoom = 0L;
        var workloadRoom = 0L;
        var countLimited = true;
        var workloadLimited = true;
        var usedCount = new long[p.Managers];
        var usedUnits = new long[p.Managers];
        for (var i = 0; i < customers.Length; i++)
        {
            if (_managerOf[i] >= 0)
            {
                usedCount[_managerOf[i]]++;
                usedUnits[_managerOf[i]] += _units[i];
            }
        }

        var largestRoom = 0L;
        for (var m = 0; m < p.Managers; m++)
        {
            countLimited &= p.MaxCustomers[m] != long.MaxValue;
            workloadLimited &= p.MaxUnits[m] != long.MaxValue;
            var room = p.MaxUnits[m] == long.MaxValue ? long.MaxValue : p.MaxUnits[m] - usedUnits[m];
            if (p.MaxCustomers[m] == long.MaxValue || usedCount[m] < p.MaxCustomers[m])
            {
                largestRoom = Math.Max(largestRoom, room);
            }

            countRoom = p.MaxCustomers[m] == long.MaxValue ? countRoom : countRoom + p.MaxCustomers[m];
            workloadRoom = p.MaxUnits[m] == long.MaxValue ? workloadRoom : workloadRoom + p.MaxUnits[m];
        }

        var capacity = countLimited && workloadLimited ? Check.Invariant($" take at most {countRoom} customers and {workloadRoom / AllocationProblem.WorkloadScale} workload in total")
            : countLimited ? Check.Invariant($" take at most {countRoom} customers in total")
            : workloadLimited ? Check.Invariant($" take at most {workloadRoom / AllocationProblem.WorkloadScale} workload in total")
            : " have no room left for it";
        foreach (var i in left)
        {
            var detail = Check.Invariant($"{need} customers need a manager and {need - left.Count} were placed, current customers first, then by priority; the managers{capacity}. ")
                + (largestRoom == long.MaxValue || _units[i] <= largestRoom
                    ? "Add managers or raise MaxCustomers/MaxWorkload."
                    : Check.Invariant($"No manager with room for another customer has {_units[i] / AllocationProblem.WorkloadScale} workload left (largest: {largestRoom / AllocationProblem.WorkloadScale}); add managers or raise MaxWorkload."));
            _unplaced.Add(new UnplacedCustomer(customers[i].Id, UnplacedReason.InsufficientCapacity, detail));
        }
    }

    private CustomerAssignment[] Assignments()
    {
        var result = new CustomerAssignment[customers.Length];
        for (var i = 0; i < customers.Length; i++)
        {
            var id = customers[i].Id;
            result[i] = _channel[i] is { } channel ? new CustomerAssignment(id, AssignmentKind.Channel, null, channel)
                : _managerOf[i] >= 0 ? new CustomerAssignment(id, AssignmentKind.Manager, managers[_managerOf[i]].Id, null)
                : new CustomerAssignment(id, AssignmentKind.Unplaced, null, null);
        }

        return result;
    }

    private List<AllocationMove> Moves(AllocationProblem p, long[] forcedLeavers)
    {
        var moves = new AllocationMove[customers.Length];
        var leaversByManager = new List<int>[managers.Length];
        for (var m = 0; m < managers.Length; m++)
        {
            leaversByManager[m] = [];
        }

        for (var i = 0; i < customers.Length; i++)
        {
            var c = customers[i];
            var from = c.CurrentManagerId;
            if (_channel[i] is { } channel)
            {
                moves[i] = from is null ? null! : new AllocationMove(c.Id, from, null, channel, MoveReason.ChannelChange);
                continue;
            }

            var to = _managerOf[i];
            if (to < 0)
            {
                continue;
            }

            if (from is null)
            {
                moves[i] = new AllocationMove(c.Id, null, managers[to].Id, null, MoveReason.New);
            }
            else if (!_managerIndex.TryGetValue(from, out var fromIndex))
            {
                moves[i] = new AllocationMove(c.Id, from, managers[to].Id, null, MoveReason.ManagerUnavailable);
            }
            else if (fromIndex != to)
            {
                leaversByManager[fromIndex].Add(i);
            }
        }

        // The lowest-priority leavers of an over-capacity manager are the ones that had to go; the rest chose to.
        var problemIndex = new int[customers.Length];
        for (var j = 0; j < p.Count; j++)
        {
            problemIndex[p.Customer[j]] = j;
        }

        for (var m = 0; m < managers.Length; m++)
        {
            var leavers = leaversByManager[m];
            leavers.Sort((a, b) =>
            {
                var byPriority = customers[a].Priority.CompareTo(customers[b].Priority);
                return byPriority != 0 ? byPriority : a.CompareTo(b);
            });
            for (var r = 0; r < leavers.Count; r++)
            {
                var i = leavers[r];
                var to = _managerOf[i];
                var j = problemIndex[i];
                var reason = r < forcedLeavers[m] ? MoveReason.OverCapacity
                    : p.SkillCost(j, to) < p.SkillCost(j, m) ? MoveReason.SkillMatch
                    : MoveReason.Rebalancing;
                moves[i] = new AllocationMove(customers[i].Id, managers[m].Id, managers[to].Id, null, reason);
            }
        }

        var list = new List<AllocationMove>();
        foreach (var move in moves)
        {
            if (move is not null)
            {
                list.Add(move);
            }
        }

        return list;
    }

    private ManagerPortfolio[] Portfolios()
    {
        var count = new int[managers.Length];
        var value = new double[managers.Length];
        var units = new long[managers.Length];
        var byTier = new SortedDictionary<string, int>[managers.Length];
        var valueByTier = new SortedDictionary<string, double>[managers.Length];
        for (var m = 0; m < managers.Length; m++)
        {
            byTier[m] = new SortedDictionary<string, int>(StringComparer.Ordinal);
            valueByTier[m] = new SortedDictionary<string, double>(StringComparer.Ordinal);
        }

        for (var i = 0; i < customers.Length; i++)
        {
            var m = _managerOf[i];
            if (m < 0)
            {
                continue;
            }

            var c = customers[i];
            count[m]++;
            value[m] += c.Value;
            units[m] += _units[i];
            byTier[m][c.Tier] = byTier[m].GetValueOrDefault(c.Tier) + 1;
            valueByTier[m][c.Tier] = valueByTier[m].GetValueOrDefault(c.Tier) + c.Value;
        }

        var result = new ManagerPortfolio[managers.Length];
        for (var m = 0; m < managers.Length; m++)
        {
            result[m] = new ManagerPortfolio(managers[m].Id, count[m], value[m], units[m] / AllocationProblem.WorkloadScale, managers[m].MaxCustomers, managers[m].MaxWorkload, byTier[m], valueByTier[m]);
        }

        return result;
    }
}
