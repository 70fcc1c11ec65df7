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
        var objective = Objective();
        var problem = objective.Problem;
        var (managerOf, effectiveMoveCost, bound) = Solve(objective);
        for (var j = 0; j < problem.Count; j++)
        {
            _managerOf[problem.Customer[j]] = managerOf[j];
        }

        ReportUnplaced(problem, managerOf);
        var (cost, penalty) = objective.Evaluate(managerOf, options.MoveCost);
        var value = checked(cost + penalty);
        return new AllocationPlan(Assignments(), Moves(objective), Portfolios(), [.. _unplaced.OrderBy(u => u.CustomerId, StringComparer.Ordinal)], cost, effectiveMoveCost, value, bound, bound == value ? PlanOptimality.Optimal : PlanOptimality.Feasible);
    }

    /// <summary>Applies the policy, sets aside customers no manager could take, and codes the rest as the problem to solve. Call once.</summary>
    public AllocationObjective Objective()
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
        return new AllocationObjective(Code(solvable, tiers));
    }

    /// <summary>
    /// Solves: the network without workload limits first (exact when they do not bind, a lower bound when they do), the
    /// split heuristic when they bind, the move-cap search when the cap binds, then CP-SAT on what is left unproven.
    /// </summary>
    private (int[] ManagerOf, long EffectiveMoveCost, long Bound) Solve(AllocationObjective objective)
    {
        var p = objective.Problem;
        var moveCost = (long)options.MoveCost;
        if (p.Count == 0)
        {
            return ([], moveCost, 0);
        }

        var relaxed = FlowSolver.Solve(objective, moveCost, relax: true);
        var bound = objective.Value(relaxed, moveCost);
        var workload = p.HasWorkloadLimits;
        var plan = !workload || objective.FitsWorkload(relaxed) ? relaxed : FlowSolver.Solve(objective, moveCost, relax: false);
        var effective = moveCost;
        if (options.MaxMoves is { } cap && objective.Voluntary(plan) > cap)
        {
            (effective, plan, var lagrangian) = EnforceMoveCap(objective, cap, exact: !workload);
            bound = Math.Max(bound, lagrangian);

            // Moves that make room for customers who would otherwise be unplaced save more than any move cost; then
            // the cap is kept strictly by keeping every current customer who fits.
            if (objective.Voluntary(plan) > cap)
            {
                plan = FlowSolver.Solve(objective, effective, relax: !workload, keepCurrent: true);
            }
        }

        var value = objective.Value(plan, moveCost);
        if (value > bound && options.SolverTimeLimit > TimeSpan.Zero && SatSolver.MayFit(p))
        {
            var all = new List<int>(p.Count);
            for (var i = 0; i < p.Count; i++)
            {
                all.Add(i);
            }

            var profiles = new ProfileSet(objective, all);
            if (SatSolver.Size(objective, profiles) <= SatSolver.MaxSize)
            {
                var sat = SatSolver.Solve(objective, profiles, moveCost, options.MaxMoves, plan, options.SolverTimeLimit.TotalSeconds);
                if (sat.ManagerOf is { } found && objective.Value(found, moveCost) is var better && better < value)
                {
                    (plan, value, effective) = (found, better, moveCost);
                }

                bound = Math.Max(bound, sat.Optimal ? value : sat.Bound);
            }
        }

        return (plan, effective, bound);
    }

    /// <summary>
    /// Prices moves to meet the cap (a Lagrangian relaxation): the smallest move cost whose plan's voluntary moves fit,
    /// by doubling to bracket it, then bisection, up to <see cref="AllocationObjective.MoveCostLimit"/>, above which only
    /// moves that make room for others pay. When every solve is exact (no workload limits), each move cost mu also gives
    /// a lower bound: any plan within the cap has at most (forced leavers + cap) current customers who do not stay, so
    /// its objective is at least the mu-optimum minus (mu - MoveCost) times that many.
    /// </summary>
    private (long MoveCost, int[] Plan, long Bound) EnforceMoveCap(AllocationObjective objective, long cap, bool exact)
    {
        var c0 = (long)options.MoveCost;
        var leaversAllowed = Math.Min(objective.CurrentCount.Sum(), objective.Forced.Sum() + cap);
        var bound = long.MinValue;
        var limit = objective.MoveCostLimit;
        var low = Math.Max(1, c0);
        var high = low;
        int[] fits;
        while (true)
        {
            high = Math.Min(high * 2, limit);
            fits = SolveAt(high);
            if (objective.Voluntary(fits) <= cap || high == limit)
            {
                break;
            }

            low = high;
        }

        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var plan = SolveAt(middle);
            if (objective.Voluntary(plan) <= cap)
            {
                (high, fits) = (middle, plan);
            }
            else
            {
                low = middle;
            }
        }

        return (high, fits, bound);

        int[] SolveAt(long mu)
        {
            var plan = FlowSolver.Solve(objective, mu, relax: exact);
            if (exact)
            {
                bound = Math.Max(bound, objective.Value(plan, mu) - ((mu - c0) * leaversAllowed));
            }

            return plan;
        }
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
        foreach (var label in labels)
        {
            codes.Add(label, codes.Count);
        }

        foreach (var i in managed)
        {
            _units[i] = TierUnits(customers[i].Tier);
        }

        return codes;
    }

    /// <summary>A tier's workload weight in units; PortfolioAllocator checked that every managed tier has one.</summary>
    private long TierUnits(string tier)
        => Math.Max(1, (long)Math.Round(options.WorkloadOf(tier)!.Value * AllocationProblem.WorkloadScale, MidpointRounding.AwayFromZero));

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
        foreach (var (label, code) in tiers)
        {
            tierUnits[code] = TierUnits(label);
        }

        for (var j = 0; j < n; j++)
        {
            var c = customers[solvable[j]];
            tier[j] = tiers[c.Tier];
            units[j] = _units[solvable[j]];
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

    private void ReportUnplaced(AllocationProblem p, int[] managerOf)
    {
        var need = 0L;
        var left = new List<int>();
        for (var j = 0; j < p.Count; j++)
        {
            need++;
            if (managerOf[j] < 0)
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

    private List<AllocationMove> Moves(AllocationObjective objective)
    {
        var p = objective.Problem;
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
                var reason = r < objective.Forced[m] ? MoveReason.OverCapacity
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
