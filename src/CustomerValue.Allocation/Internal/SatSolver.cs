using System.Globalization;
using Google.OrTools.Sat;

namespace CustomerValue.Allocation.Internal;

/// <summary>The result of a CP-SAT run: the plan it found (or none), a proven lower bound on the objective, and whether it proved its plan optimal.</summary>
internal sealed record SatOutcome(int[]? ManagerOf, long Bound, bool Optimal);

/// <summary>
/// Solves the allocation exactly with CP-SAT over the profile-aggregated model: an integer count per (profile, manager)
/// move, per (profile, current manager) stay and per (profile, group) left out, the balance penalty as the epigraph
/// of its convex pieces, and the side constraints the network cannot express: each manager's weighted workload limit
/// and the cap on voluntary moves. Customers of a profile cost the same everywhere, so the aggregated optimum is the
/// customer-level optimum. Hinted with a feasible plan; one worker, a fixed seed and a deterministic time limit make
/// the result a function of the input alone.
/// </summary>
internal static class SatSolver
{
    /// <summary>
    /// The largest model (in <see cref="Size"/>) CP-SAT is given; larger ones keep the flow's plan and bound. Measured on the
    /// benchmark's data with workload limits: up to about 23,000 variables CP-SAT proved the optimum within 10 deterministic
    /// seconds; at 35,000 and 114,000 it used the whole limit and barely improved on the flow's plan or bound.
    /// </summary>
    public const long MaxSize = 25_000;

    /// <summary>Whether the model may fit <see cref="MaxSize"/>: profiles times managers alone, counted without building the profiles.</summary>
    public static bool MayFit(AllocationProblem p)
    {
        var profiles = new HashSet<(int, int, int, int)>();
        for (var i = 0; i < p.Count; i++)
        {
            if (profiles.Add(p.ProfileKey(i)) && (long)profiles.Count * p.Managers > MaxSize)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number of integer variables the model would have: a cheap size test before building it.</summary>
    public static long Size(AllocationObjective objective, ProfileSet profiles)
        => ((long)profiles.Profiles * objective.Problem.Managers) + profiles.Classes;

    public static SatOutcome Solve(AllocationObjective objective, ProfileSet profiles, long moveCost, long? maxMoves, int[] hint, double limitSeconds)
    {
        var p = objective.Problem;
        var tiers = p.TierCount;
        var managers = p.Managers;
        var model = new CpModel();
        var objectiveTerms = LinearExpr.NewBuilder();
        var cellLoad = new LinearExprBuilder[managers * tiers];
        var cellMax = new long[managers * tiers];
        for (var cell = 0; cell < cellLoad.Length; cell++)
        {
            cellLoad[cell] = LinearExpr.NewBuilder();
        }

        var moves = new IntVar?[profiles.Profiles * managers];
        var supply = new LinearExprBuilder[profiles.Profiles];
        for (var k = 0; k < profiles.Profiles; k++)
        {
            supply[k] = LinearExpr.NewBuilder();
            var first = profiles.First[k];
            var t = p.Tier[first];
            for (var m = 0; m < managers; m++)
            {
                var room = Math.Min(objective.TierRoom(m, t), profiles.Supply(k));
                if (room > 0)
                {
                    var x = model.NewIntVar(0, room, string.Empty);
                    moves[(k * managers) + m] = x;
                    supply[k].Add(x);
                    cellLoad[(m * tiers) + t].Add(x);
                    cellMax[(m * tiers) + t] += room;
                    objectiveTerms.AddTerm(x, objective.PathCost(first, m));
                }
            }
        }

        // Staying saves the move cost every current customer otherwise pays (moved or left out), counted in the offset.
        var stays = new IntVar?[profiles.Classes];
        var staysOf = new LinearExprBuilder[managers];
        var groupStays = new LinearExprBuilder[profiles.Profiles * AllocationObjective.Groups];
        for (var m = 0; m < managers; m++)
        {
            staysOf[m] = LinearExpr.NewBuilder();
        }

        var currentTotal = 0L;
        for (var c = 0; c < profiles.Classes; c++)
        {
            var k = profiles.ClassProfile[c];
            var m = profiles.ClassManager[c];
            var first = profiles.First[k];
            var t = p.Tier[first];
            currentTotal += profiles.ClassMembers[c].Count;
            var room = Math.Min(objective.TierRoom(m, t), profiles.ClassMembers[c].Count);
            if (room <= 0)
            {
                continue;
            }

            var s = model.NewIntVar(0, room, string.Empty);
            stays[c] = s;
            supply[k].Add(s);
            staysOf[m].Add(s);
            cellLoad[(m * tiers) + t].Add(s);
            cellMax[(m * tiers) + t] += room;
            objectiveTerms.AddTerm(s, objective.PathCost(first, m) - moveCost);
            var group = (k * AllocationObjective.Groups) + profiles.ClassGroup[c];
            (groupStays[group] ??= LinearExpr.NewBuilder()).Add(s);
        }

        objectiveTerms.Add(checked(moveCost * currentTotal));

        var unplaced = new IntVar?[profiles.Profiles * AllocationObjective.Groups];
        for (var k = 0; k < profiles.Profiles; k++)
        {
            for (var g = 0; g < AllocationObjective.Groups; g++)
            {
                var size = profiles.Sizes[(k * AllocationObjective.Groups) + g];
                if (size == 0)
                {
                    continue;
                }

                var u = model.NewIntVar(0, size, string.Empty);
                unplaced[(k * AllocationObjective.Groups) + g] = u;
                supply[k].Add(u);
                objectiveTerms.AddTerm(u, objective.GroupPenalty(g, p.Band[profiles.First[k]]));

                // A group's stayers and left-out customers are different people.
                if (groupStays[(k * AllocationObjective.Groups) + g] is { } stayed)
                {
                    model.AddLinearConstraint(stayed.Add(u), 0, size);
                }
            }

            model.AddLinearConstraint(supply[k], profiles.Supply(k), profiles.Supply(k));
        }

        for (var m = 0; m < managers; m++)
        {
            var count = LinearExpr.NewBuilder();
            var units = LinearExpr.NewBuilder();
            var maxCount = 0L;
            var maxUnits = 0L;
            for (var t = 0; t < tiers; t++)
            {
                count.Add(cellLoad[(m * tiers) + t]);
                units.AddTerm(cellLoad[(m * tiers) + t], p.TierUnits[t]);
                maxCount += cellMax[(m * tiers) + t];
                maxUnits = checked(maxUnits + (cellMax[(m * tiers) + t] * p.TierUnits[t]));
            }

            if (p.MaxCustomers[m] < maxCount)
            {
                model.AddLinearConstraint(count, 0, p.MaxCustomers[m]);
            }

            if (p.MaxUnits[m] < maxUnits)
            {
                model.AddLinearConstraint(units, 0, p.MaxUnits[m]);
            }
        }

        var balance = new IntVar?[managers * tiers];
        for (var cell = 0; cell < cellLoad.Length; cell++)
        {
            if (p.Options.BalanceCost == 0 || cellMax[cell] <= objective.PieceStart(cell, 1))
            {
                continue;
            }

            // b >= each piece's line: the epigraph of a convex function, tight at the optimum.
            var b = model.NewIntVar(0, objective.Balance(cell, cellMax[cell]), string.Empty);
            balance[cell] = b;
            objectiveTerms.Add(b);
            for (var j = 1; j < AllocationObjective.Pieces && objective.PieceStart(cell, j) < cellMax[cell]; j++)
            {
                var start = objective.PieceStart(cell, j);
                var slope = objective.PieceCost(j);
                model.AddLinearConstraint(LinearExpr.NewBuilder().Add(b).AddTerm(cellLoad[cell], -slope), objective.Balance(cell, start) - (slope * start), long.MaxValue);
            }
        }

        var voluntary = new IntVar?[managers];
        if (maxMoves is { } cap)
        {
            var total = LinearExpr.NewBuilder();
            for (var m = 0; m < managers; m++)
            {
                var free = objective.CurrentCount[m] - objective.Forced[m];
                if (free <= 0)
                {
                    continue;
                }

                // v >= current - forced - stayers, v >= 0: the manager's leavers beyond those who must leave.
                var v = model.NewIntVar(0, free, string.Empty);
                voluntary[m] = v;
                total.Add(v);
                model.AddLinearConstraint(LinearExpr.NewBuilder().Add(v).Add(staysOf[m]), free, long.MaxValue);
            }

            model.AddLinearConstraint(total, 0, cap);
        }

        model.Minimize(objectiveTerms);
        AddHint(objective, profiles, model, hint, moves, stays, unplaced, balance, voluntary);

        using var solver = new CpSolver
        {
            StringParameters = "num_workers:1 random_seed:6 max_deterministic_time:" + limitSeconds.ToString("0.0#########", CultureInfo.InvariantCulture),
        };
        var status = solver.Solve(model);
        var bound = double.IsFinite(solver.BestObjectiveBound) ? (long)Math.Floor(solver.BestObjectiveBound + 1e-6) : long.MinValue;
        if (status is CpSolverStatus.Infeasible or CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException(Check.Invariant($"CP-SAT returned {status} on an allocation model that always has a feasible plan (the hint); this is a defect, please report it with the input sizes: {p.Count} customers, {managers} managers. {model.Validate()}"));
        }

        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return new SatOutcome(null, bound, false);
        }

        var stay = new long[profiles.Classes];
        for (var c = 0; c < stay.Length; c++)
        {
            stay[c] = stays[c] is { } s ? solver.Value(s) : 0;
        }

        var left = new long[unplaced.Length];
        for (var a = 0; a < left.Length; a++)
        {
            left[a] = unplaced[a] is { } u ? solver.Value(u) : 0;
        }

        var moveCounts = new List<(int Manager, long Count)>[profiles.Profiles];
        for (var k = 0; k < moveCounts.Length; k++)
        {
            moveCounts[k] = [];
            for (var m = 0; m < managers; m++)
            {
                if (moves[(k * managers) + m] is { } x && solver.Value(x) is var f and > 0)
                {
                    moveCounts[k].Add((m, f));
                }
            }
        }

        var placement = new Placement(p);
        profiles.Assign(p, stay, left, moveCounts, placement);
        return new SatOutcome(placement.ManagerOf, bound, status == CpSolverStatus.Optimal);
    }

    private static void AddHint(
        AllocationObjective objective,
        ProfileSet profiles,
        CpModel model,
        int[] hint,
        IntVar?[] moves,
        IntVar?[] stays,
        IntVar?[] unplaced,
        IntVar?[] balance,
        IntVar?[] voluntary)
    {
        var p = objective.Problem;
        var managers = p.Managers;
        var moveCount = new long[moves.Length];
        var stayCount = new long[stays.Length];
        var leftCount = new long[unplaced.Length];
        var load = new long[balance.Length];
        var leavers = new long[managers];
        for (var k = 0; k < profiles.Profiles; k++)
        {
            foreach (var i in profiles.Newcomers[k])
            {
                Count(k, i, AllocationObjective.Newcomer);
            }
        }

        for (var c = 0; c < profiles.Classes; c++)
        {
            var current = profiles.ClassManager[c];
            foreach (var i in profiles.ClassMembers[c])
            {
                if (hint[i] == current)
                {
                    stayCount[c]++;
                    load[(current * p.TierCount) + p.Tier[i]]++;
                }
                else
                {
                    leavers[current]++;
                    Count(profiles.ClassProfile[c], i, profiles.ClassGroup[c]);
                }
            }
        }

        Hint(model, moves, moveCount);
        Hint(model, stays, stayCount);
        Hint(model, unplaced, leftCount);
        var cost = new long[balance.Length];
        for (var cell = 0; cell < cost.Length; cell++)
        {
            cost[cell] = objective.Balance(cell, load[cell]);
        }

        Hint(model, balance, cost);
        var beyond = new long[managers];
        for (var m = 0; m < managers; m++)
        {
            beyond[m] = Math.Max(0, leavers[m] - objective.Forced[m]);
        }

        Hint(model, voluntary, beyond);

        void Count(int k, int i, int group)
        {
            if (hint[i] >= 0)
            {
                moveCount[(k * managers) + hint[i]]++;
                load[(hint[i] * p.TierCount) + p.Tier[i]]++;
            }
            else
            {
                leftCount[(k * AllocationObjective.Groups) + group]++;
            }
        }
    }

    private static void Hint(CpModel model, IntVar?[] variables, long[] values)
    {
        for (var v = 0; v < variables.Length; v++)
        {
            if (variables[v] is { } variable)
            {
                model.AddHint(variable, values[v]);
            }
        }
    }
}
