using CustomerValue.Allocation.Internal;
using Google.OrTools.Sat;

namespace CustomerValue.Allocation.Tests;

/// <summary>
/// The exact optimum of the allocation objective, by brute force in CP-SAT: one boolean per (customer, manager) and per
/// unplaced customer, the balance penalty as explicit pieces filled in cost order, the capacities and the move cap as
/// plain rows. Independent of the library's aggregation into profiles, its network and its own CP-SAT model; it shares
/// only the objective's definition (path costs, balance breakpoints, penalties, forced leavers).
/// </summary>
internal static class ExactReference
{
    public static (long Optimum, int[] ManagerOf) Solve(AllocationObjective objective, long? maxMoves, string input)
    {
        var p = objective.Problem;
        var moveCost = (long)p.Options.MoveCost;
        var model = new CpModel();
        var cost = LinearExpr.NewBuilder();
        var assign = new BoolVar?[p.Count, p.Managers];
        var count = new List<BoolVar>[p.Managers];
        var units = new List<(BoolVar, long)>[p.Managers];
        var cells = new List<BoolVar>[p.Managers * p.TierCount];
        var stays = new List<BoolVar>[p.Managers];
        for (var m = 0; m < p.Managers; m++)
        {
            (count[m], units[m], stays[m]) = ([], [], []);
        }

        for (var cell = 0; cell < cells.Length; cell++)
        {
            cells[cell] = [];
        }

        for (var i = 0; i < p.Count; i++)
        {
            var options = new List<ILiteral>();
            for (var m = 0; m < p.Managers; m++)
            {
                if (p.MaxCustomers[m] < 1 || p.Units[i] > p.MaxUnits[m])
                {
                    continue;
                }

                var y = model.NewBoolVar($"y{i}_{m}");
                assign[i, m] = y;
                options.Add(y);
                count[m].Add(y);
                units[m].Add((y, p.Units[i]));
                cells[(m * p.TierCount) + p.Tier[i]].Add(y);
                cost.AddTerm(y, objective.PathCost(i, m) + (p.Current[i] >= 0 && p.Current[i] != m ? moveCost : 0));
                if (p.Current[i] == m)
                {
                    stays[m].Add(y);
                }
            }

            var unplaced = model.NewBoolVar($"z{i}");
            options.Add(unplaced);
            cost.AddTerm(unplaced, objective.Penalty(i, moveCost));
            model.AddExactlyOne(options);
        }

        for (var m = 0; m < p.Managers; m++)
        {
            if (p.MaxCustomers[m] != long.MaxValue)
            {
                model.Add(LinearExpr.Sum(count[m]) <= p.MaxCustomers[m]);
            }

            if (p.MaxUnits[m] != long.MaxValue)
            {
                model.Add(LinearExpr.WeightedSum(units[m].Select(u => u.Item1), units[m].Select(u => u.Item2)) <= p.MaxUnits[m]);
            }
        }

        // Balance: pieces of bounded width, cheapest first at any optimum because the unit costs increase.
        for (var cell = 0; cell < cells.Length; cell++)
        {
            var pieces = new List<IntVar>();
            for (var j = 0; j < AllocationObjective.Pieces; j++)
            {
                var width = Math.Min(p.Count, objective.PieceEnd(cell, j)) - objective.PieceStart(cell, j);
                if (width > 0)
                {
                    var piece = model.NewIntVar(0, width, $"b{cell}_{j}");
                    pieces.Add(piece);
                    cost.AddTerm(piece, objective.PieceCost(j));
                }
            }

            model.Add(LinearExpr.Sum(pieces) == LinearExpr.Sum(cells[cell]));
        }

        if (maxMoves is { } cap)
        {
            var voluntary = new List<IntVar>();
            for (var m = 0; m < p.Managers; m++)
            {
                var v = model.NewIntVar(0, p.Count, $"v{m}");
                voluntary.Add(v);
                model.Add(v >= objective.CurrentCount[m] - objective.Forced[m] - LinearExpr.Sum(stays[m]));
            }

            model.Add(LinearExpr.Sum(voluntary) <= cap);
        }

        model.Minimize(cost);
        using var solver = new CpSolver { StringParameters = "num_workers:1 linearization_level:2 max_time_in_seconds:60" };
        var status = solver.Solve(model);
        if (status != CpSolverStatus.Optimal)
        {
            throw new InvalidOperationException($"The reference model was not solved to optimality: {status}, on {input}.");
        }

        var managerOf = new int[p.Count];
        for (var i = 0; i < p.Count; i++)
        {
            managerOf[i] = -1;
            for (var m = 0; m < p.Managers; m++)
            {
                if (assign[i, m] is { } y && solver.BooleanValue(y))
                {
                    managerOf[i] = m;
                }
            }
        }

        return ((long)Math.Round(solver.ObjectiveValue), managerOf);
    }

    /// <summary>The plan's manager per problem customer (-1 = unplaced), in the problem's indices.</summary>
    public static int[] ManagerOf(AllocationObjective objective, AllocationPlan plan, IEnumerable<AccountManager> managers)
    {
        var index = managers.Select(m => m.Id).Order(StringComparer.Ordinal).Select((id, m) => (id, m)).ToDictionary(x => x.id, x => x.m, StringComparer.Ordinal);
        var p = objective.Problem;
        return [.. Enumerable.Range(0, p.Count).Select(j => plan.Assignments[p.Customer[j]].ManagerId is { } id ? index[id] : -1)];
    }
}
