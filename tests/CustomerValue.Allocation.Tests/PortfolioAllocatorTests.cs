using CustomerValue.Allocation.Internal;
using Xunit;
using static CustomerValue.Allocation.Tests.Build;

namespace CustomerValue.Allocation.Tests;

public sealed class PortfolioAllocatorTests
{
    private static readonly string[] Industries = ["I0", "I1", "I2", "I3", "I4"];

    private static AccountManager[] Specialists(int capacity)
        => [.. Enumerable.Range(0, 5).Select(m => Mgr(m, capacity, [Industries[m]]))];

    [Fact]
    public void Allocate_EveryIndustryHasItsSpecialist_EachCustomerGoesToTheSpecialistAtNoCost()
    {
        var customers = Enumerable.Range(0, 40).Select(i => Customer(i, Industries[i % 5])).ToArray();

        var plan = PortfolioAllocator.Allocate(customers, Specialists(8), AllManaged, NoCosts with { IndustryMismatchCost = 20 });

        Assert.All(plan.Assignments, a => Assert.Equal("M" + (int.Parse(a.CustomerId[1..], System.Globalization.CultureInfo.InvariantCulture) % 5), a.ManagerId));
        Assert.Equal(0, plan.Cost);
        Assert.All(plan.Moves, m => Assert.Equal(MoveReason.New, m.Reason));
        Assert.Equal(40, plan.Moves.Count);
    }

    [Fact]
    public void Allocate_SpecialistFull_OverflowGoesToAManagerWithRoomAtTheMismatchCost()
    {
        // I0 has 12 customers for a specialist of capacity 8, I1 only 4: the 4 extra I0 customers must take M1's spare room.
        var industries = Enumerable.Range(0, 40).Select(i => i < 12 ? "I0" : i < 16 ? "I1" : Industries[2 + (i % 3)]).ToArray();
        var customers = industries.Select((industry, i) => Customer(i, industry, priority: 0.5 + (i / 100.0))).ToArray();

        var plan = PortfolioAllocator.Allocate(customers, Specialists(8), AllManaged, NoCosts with { IndustryMismatchCost = 20 });

        var byId = ManagerById(plan);
        Assert.Equal(40, byId.Count);
        Assert.Empty(plan.Unplaced);
        Assert.Equal(8, customers.Count(c => c.Industry == "I0" && byId[c.Id] == "M0"));
        Assert.Equal(4, customers.Count(c => c.Industry == "I0" && byId[c.Id] == "M1"));
        Assert.Equal(4 * 20, plan.Cost);
    }

    [Fact]
    public void Allocate_FiveSeniorityLevels_EachPriorityBandGoesToTheMatchingLevel()
    {
        var managers = Enumerable.Range(0, 5).Select(m => Mgr(m, 8, seniority: 10 * (m + 1))).ToArray();
        var customers = Enumerable.Range(0, 40).Select(i => Customer(i, priority: (0.2 * (i % 5)) + 0.1)).ToArray();

        var plan = PortfolioAllocator.Allocate(customers, managers, AllManaged, NoCosts with { SeniorityMismatchCost = 5 });

        var byId = ManagerById(plan);
        Assert.All(customers, c => Assert.Equal(Manager((int)Math.Floor(c.Priority * 5)), byId[c.Id]));
        Assert.Equal(0, plan.Cost);
    }

    [Fact]
    public void Allocate_SeniorManagerFull_SecondBestLevelPaysOneBandStep()
    {
        // Ten top-band customers, the most senior manager takes 8: two go one level down at 5 each.
        var managers = Enumerable.Range(0, 5).Select(m => Mgr(m, 8, seniority: m)).ToArray();
        var customers = Enumerable.Range(0, 10).Select(i => Customer(i, priority: 0.95)).ToArray();

        var plan = PortfolioAllocator.Allocate(customers, managers, AllManaged, NoCosts with { SeniorityMismatchCost = 5 });

        Assert.Equal(8, plan.Portfolios.Single(p => p.ManagerId == "M4").Customers);
        Assert.Equal(2, plan.Portfolios.Single(p => p.ManagerId == "M3").Customers);
        Assert.Equal(10, plan.Cost);
    }

    [Fact]
    public void Allocate_UnlimitedManagersNoOtherCosts_BalanceSpreadsEightEach()
    {
        var managers = Enumerable.Range(0, 5).Select(m => Mgr(m)).ToArray();
        var customers = Enumerable.Range(0, 40).Select(i => Customer(i)).ToArray();

        var plan = PortfolioAllocator.Allocate(customers, managers, AllManaged, NoCosts with { BalanceCost = 3 });

        Assert.All(plan.Portfolios, p => Assert.Equal(8, p.Customers));
        Assert.Equal(0, plan.Cost);
    }

    [Fact]
    public void Allocate_OneSpecialistForEveryone_BalancePenaltyStopsWhereItExceedsTheMismatch()
    {
        // Fair share 8 each. Above it M0 costs 3 (1 customer), 6 (2), 12 (2), then 24 > mismatch 20:
        // M0 keeps 8 + 5 = 13, the other 27 pay the mismatch: 27*20 + 3 + 2*6 + 2*12 = 579.
        var managers = new[] { Mgr(0, industries: ["I0"]), Mgr(1), Mgr(2), Mgr(3), Mgr(4) };
        var customers = Enumerable.Range(0, 40).Select(i => Customer(i, "I0")).ToArray();

        var plan = PortfolioAllocator.Allocate(customers, managers, AllManaged, NoCosts with { BalanceCost = 3, IndustryMismatchCost = 20 });

        Assert.Equal(13, plan.Portfolios.Single(p => p.ManagerId == "M0").Customers);
        Assert.Equal(579, plan.Cost);
    }

    [Fact]
    public void Allocate_CurrentAssignmentAlreadyOptimal_NoMoves()
    {
        var customers = Enumerable.Range(0, 40).Select(i => Customer(i, Industries[i % 5], current: Manager(i % 5))).ToArray();

        var plan = PortfolioAllocator.Allocate(customers, Specialists(8), AllManaged);

        Assert.Empty(plan.Moves);
        Assert.Equal(customers.Select(c => c.CurrentManagerId), plan.Assignments.Select(a => a.ManagerId));
    }

    [Theory]
    [InlineData(25, true)]
    [InlineData(35, false)]
    public void Allocate_MismatchedCurrentManager_MovesOnlyWhenTheSavingExceedsTheMoveCost(int moveCost, bool moves)
    {
        // C00 (I0, R0) sits with M1 (I1, R1): staying costs 20 + 10 = 30, moving to M0 costs the move cost.
        var managers = Enumerable.Range(0, 5).Select(m => Mgr(m, 9, [Industries[m]], regions: ["R" + m])).ToArray();
        var customers = Enumerable.Range(0, 40)
            .Select(i => i == 0 ? Customer(0, "I0", current: "M1", region: "R0") : Customer(i, Industries[i % 5], current: Manager(i % 5), region: "R" + (i % 5)))
            .ToArray();

        var plan = PortfolioAllocator.Allocate(customers, managers, AllManaged, NoCosts with { IndustryMismatchCost = 20, RegionMismatchCost = 10, MoveCost = moveCost });

        if (moves)
        {
            var move = Assert.Single(plan.Moves);
            Assert.Equal(new AllocationMove("C00", "M1", "M0", null, MoveReason.SkillMatch), move);
            Assert.Equal(25, plan.Cost);
        }
        else
        {
            Assert.Empty(plan.Moves);
            Assert.Equal(30, plan.Cost);
        }
    }

    [Fact]
    public void Allocate_MaxMovesOne_OnlyTheMoveWithTheLargestSavingIsMade()
    {
        // Savings 30 (C00: industry and region), 10 (C01, C02: one term each, the specialist misses the other) at move
        // cost 1: three moves; a cap of one needs a move cost above 10, and the search finds the smallest, 11.
        var managers = Enumerable.Range(0, 5).Select(m => Mgr(m, 10, [Industries[m]], regions: ["R" + m])).ToArray();
        var customers = Enumerable.Range(0, 40).Select(i => i switch
        {
            0 => Customer(0, "I0", current: "M1", region: "R0"),
            1 => Customer(1, "I0", current: "M1", region: "R1"),
            2 => Customer(2, "I2", current: "M1", region: "R1"),
            _ => Customer(i, Industries[i % 5], current: Manager(i % 5), region: "R" + (i % 5)),
        }).ToArray();
        var options = NoCosts with { IndustryMismatchCost = 20, RegionMismatchCost = 10, MoveCost = 1 };

        var free = PortfolioAllocator.Allocate(customers, managers, AllManaged, options);
        var capped = PortfolioAllocator.Allocate(customers, managers, AllManaged, options with { MaxMoves = 1 });

        Assert.Equal(3, free.Moves.Count);
        var move = Assert.Single(capped.Moves);
        Assert.Equal("C00", move.CustomerId);
        Assert.Equal(11, capped.EffectiveMoveCost);
        Assert.Equal(PlanOptimality.Optimal, capped.Optimality);
    }

    [Fact]
    public void Allocate_MoveCapWhereOnlyPairedMovesPay_PricingMovesMissesTheOptimumAndSaysSoCpSatFindsIt()
    {
        // A (I1) sits with M0 (I0), B (I0) with M1 (I1), both full: swapping saves 2 x 20 for two moves. C (R1) sits with
        // M2, M3 covers R1 and has room: one move saves 10. Cap 1: the optimum moves C (40 + 1). A price on moves meets the
        // cap only above 20, where C's move does not pay either: no moves (50); its Lagrangian bound says it may be short.
        AllocationCustomer[] customers = [Customer(0, "I1", current: "M0"), Customer(1, "I0", current: "M1"), Customer(2, "I2", current: "M2", region: "R1")];
        AccountManager[] managers = [Mgr(0, 1, ["I0"]), Mgr(1, 1, ["I1"]), Mgr(2, 1, ["I2"]), Mgr(3, 1, ["I2"], regions: ["R1"])];
        var options = NoCosts with { IndustryMismatchCost = 20, RegionMismatchCost = 10, MoveCost = 1, MaxMoves = 1 };

        var priced = PortfolioAllocator.Allocate(customers, managers, AllManaged, options with { SolverTimeLimit = TimeSpan.Zero });
        var exact = PortfolioAllocator.Allocate(customers, managers, AllManaged, options);

        Assert.Empty(priced.Moves);
        Assert.Equal((50, PlanOptimality.Feasible), (priced.Objective, priced.Optimality));
        Assert.InRange(priced.ObjectiveBound, long.MinValue, 41);
        Assert.Equal([new AllocationMove("C02", "M2", "M3", null, MoveReason.SkillMatch)], exact.Moves);
        Assert.Equal((41, 41, PlanOptimality.Optimal, 1L), (exact.Objective, exact.ObjectiveBound, exact.Optimality, exact.EffectiveMoveCost));
    }

    [Fact]
    public void Allocate_CurrentManagerOverCapacity_LowestPriorityCustomersLeaveForOverCapacity()
    {
        // M0 holds 10 customers but can take 8; the others have room.
        var customers = Enumerable.Range(0, 40).Select(i => Customer(i, priority: i / 40.0, current: i < 10 ? "M0" : Manager(1 + (i % 4)))).ToArray();
        var managers = Enumerable.Range(0, 5).Select(m => Mgr(m, m == 0 ? 8 : 10)).ToArray();

        var plan = PortfolioAllocator.Allocate(customers, managers, AllManaged, NoCosts with { MoveCost = 30 });

        Assert.Equal(["C00", "C01"], plan.Moves.Select(m => m.CustomerId));
        Assert.All(plan.Moves, m => Assert.Equal(MoveReason.OverCapacity, m.Reason));
        Assert.All(plan.Portfolios, p => Assert.True(p.Customers <= p.MaxCustomers));
    }

    [Fact]
    public void FlowSolve_KeepingCurrentCustomers_KeepsTwoLightOnesRatherThanTheHeavyOneThatLeavesNoRoom()
    {
        // The move cap's last resort. M0 takes 2 customers and workload 4 but holds A (3), B (1.5) and B (1.5): one must
        // go. Keeping the highest priority first would keep A alone and send away both Bs, one of them voluntarily.
        AllocationCustomer[] customers = [Customer(0, priority: 0.8, current: "M0"), Customer(1, priority: 0.5, current: "M0", tier: "B"), Customer(2, priority: 0.4, current: "M0", tier: "B")];
        AccountManager[] managers = [Mgr(0, 2, maxWorkload: 4), Mgr(1, 3, maxWorkload: 9)];
        var options = NoCosts with { WorkloadByTier = new Dictionary<string, double> { ["A"] = 3, ["B"] = 1.5 }, MoveCost = 30 };
        var objective = PortfolioAllocator.Builder(customers, managers, AllManaged, options).Objective();

        var managerOf = FlowSolver.Solve(objective, 30, relax: false, keepCurrent: true);

        Assert.Equal([1, 0, 0], managerOf);
        Assert.Equal(1, objective.Forced[0]);
        Assert.Equal(0, objective.Voluntary(managerOf));
    }

    [Fact]
    public void Allocate_CapacityShort_PlacesTheHighestPrioritiesAndListsTheRestWithTheReason()
    {
        var customers = Enumerable.Range(0, 40).Select(i => Customer(i, priority: i / 40.0)).ToArray();
        var managers = Enumerable.Range(0, 5).Select(m => Mgr(m, 6)).ToArray();

        var plan = PortfolioAllocator.Allocate(customers, managers, AllManaged);

        Assert.Equal(Enumerable.Range(0, 10).Select(Id), plan.Unplaced.Select(u => u.CustomerId));
        Assert.All(plan.Unplaced, u => Assert.Equal(UnplacedReason.InsufficientCapacity, u.Reason));
        Assert.Contains("40 customers need a manager and 30 were placed, current customers first, then by priority; the managers take at most 30 customers in total.", plan.Unplaced[0].Detail, StringComparison.Ordinal);
        Assert.Equal(10, plan.Assignments.Count(a => a.Kind == AssignmentKind.Unplaced));
        Assert.All(plan.Portfolios, p => Assert.Equal(6, p.Customers));
    }

    [Fact]
    public void Allocate_LeaverOfOverCapacityManager_DoesNotDisplaceACustomerWhoseManagerHasRoom()
    {
        // Regression: a high-priority leaver used to take a fitting low-priority customer's slot, and that customer's
        // forced relocation was then reported as a voluntary rebalancing move.
        AllocationCustomer[] customers = [Customer(0, priority: 0.9, current: "M0"), Customer(1, priority: 0.1, current: "M1")];

        var plan = PortfolioAllocator.Allocate(customers, [Mgr(0, 0), Mgr(1, 1)], AllManaged);

        Assert.Equal("M1", plan.Assignments[1].ManagerId);
        Assert.Equal("C00", Assert.Single(plan.Unplaced).CustomerId);
        Assert.Empty(plan.Moves);
    }

    [Fact]
    public void Allocate_CapacityShort_NewCustomersAreLeftOutBeforeCurrentOnes()
    {
        AllocationCustomer[] customers = [Customer(0, priority: 0.1, current: "M0"), Customer(1, priority: 0.9)];

        var plan = PortfolioAllocator.Allocate(customers, [Mgr(0, 1)], AllManaged);

        Assert.Equal("M0", plan.Assignments[0].ManagerId);
        Assert.Equal("C01", Assert.Single(plan.Unplaced).CustomerId);
    }

    [Fact]
    public void Allocate_NoManagers_EveryManagedCustomerUnplacedWithNoManagers()
    {
        var plan = PortfolioAllocator.Allocate([Customer(0), Customer(1)], [], AllManaged);

        Assert.Equal([UnplacedReason.NoManagers, UnplacedReason.NoManagers], plan.Unplaced.Select(u => u.Reason));
    }

    [Fact]
    public void Allocate_WorkloadAboveEveryCapacity_UnplacedWithWorkloadTooLarge()
    {
        var options = new AllocationOptions { WorkloadByTier = new Dictionary<string, double> { ["A"] = 5, ["B"] = 1 } };

        var plan = PortfolioAllocator.Allocate([Customer(0, tier: "A"), Customer(1, tier: "B")], [Mgr(0, maxWorkload: 4)], AllManaged, options);

        var unplaced = Assert.Single(plan.Unplaced);
        Assert.Equal(new UnplacedCustomer("C00", UnplacedReason.WorkloadTooLarge, unplaced.Detail), unplaced);
        Assert.Contains("WorkloadByTier['A']", unplaced.Detail, StringComparison.Ordinal);
        Assert.Equal("M0", plan.Assignments[1].ManagerId);
    }

    [Fact]
    public void Allocate_WorkloadCapacities_WeightedLoadStaysWithinAndEveryoneFits()
    {
        // 8 tier-A customers (weight 3) and 32 tier-B (weight 1): 56 workload for five managers of 12 (60).
        var customers = Enumerable.Range(0, 40).Select(i => Customer(i, tier: i < 8 ? "A" : "B")).ToArray();
        var managers = Enumerable.Range(0, 5).Select(m => Mgr(m, maxWorkload: 12)).ToArray();
        var options = new AllocationOptions { WorkloadByTier = new Dictionary<string, double> { ["A"] = 3, ["B"] = 1 } };

        var plan = PortfolioAllocator.Allocate(customers, managers, AllManaged, options);

        Assert.Empty(plan.Unplaced);
        Assert.All(plan.Portfolios, p => Assert.InRange(p.Workload, 0, 12));
        Assert.Equal(56, plan.Portfolios.Sum(p => p.Workload));
    }

    [Fact]
    public void Allocate_WorkloadSplitStrandsTheHeavyCustomer_CpSatPlacesEveryoneAtTheOptimum()
    {
        // M0 knows I0, M1 does not; both carry workload 3. A (weight 3) and three Bs (weight 1) are all I0: M0 takes A or
        // the three Bs, the other side pays the mismatch, so the optimum puts the Bs with M0 and A with M1 (cost 20).
        // The per-tier split gives each manager room for one B and no A, and the room left after it is too small for A.
        AllocationCustomer[] customers = [Customer(0, "I0", tier: "A"), Customer(1, "I0", tier: "B"), Customer(2, "I0", tier: "B"), Customer(3, "I0", tier: "B")];
        AccountManager[] managers = [Mgr(0, industries: ["I0"], maxWorkload: 3), Mgr(1, maxWorkload: 3)];
        var options = NoCosts with { IndustryMismatchCost = 20, WorkloadByTier = new Dictionary<string, double> { ["A"] = 3, ["B"] = 1 } };

        var split = PortfolioAllocator.Allocate(customers, managers, AllManaged, options with { SolverTimeLimit = TimeSpan.Zero });
        var exact = PortfolioAllocator.Allocate(customers, managers, AllManaged, options);

        Assert.Equal("C00", Assert.Single(split.Unplaced).CustomerId);
        Assert.Equal((PlanOptimality.Feasible, 0L), (split.Optimality, split.ObjectiveBound));
        Assert.Empty(exact.Unplaced);
        Assert.Equal(["M1", "M0", "M0", "M0"], exact.Assignments.Select(a => a.ManagerId));
        Assert.Equal((20, 20, 20, PlanOptimality.Optimal), (exact.Cost, exact.Objective, exact.ObjectiveBound, exact.Optimality));
    }

    [Fact]
    public void Allocate_PolicyByStatusAndTier_ChannelsAndChannelChangesFollowThePolicy()
    {
        var policy = new ServicePolicy
        {
            ServiceByTier = new Dictionary<string, string> { ["C"] = "automated" },
            ServiceByStatus = new Dictionary<string, string> { ["potential"] = ServicePolicy.DedicatedManager, ["low value"] = "pooled" },
        };
        AllocationCustomer[] customers =
        [
            Customer(0, tier: "C", current: "M0"),
            Customer(1, tier: "C", status: "potential"),
            Customer(2, tier: "A", status: "low value"),
            Customer(3, tier: "A", current: "gone"),
        ];

        var plan = PortfolioAllocator.Allocate(customers, [Mgr(0)], policy);

        Assert.Equal(
            [new("C00", AssignmentKind.Channel, null, "automated"), new("C01", AssignmentKind.Manager, "M0", null), new("C02", AssignmentKind.Channel, null, "pooled"), new CustomerAssignment("C03", AssignmentKind.Manager, "M0", null)],
            plan.Assignments);
        Assert.Equal(
            [new("C00", "M0", null, "automated", MoveReason.ChannelChange), new("C01", null, "M0", null, MoveReason.New), new AllocationMove("C03", "gone", "M0", null, MoveReason.ManagerUnavailable)],
            plan.Moves);
    }

    [Fact]
    public void Allocate_SameInputShuffled_SamePlan()
    {
        var customers = Enumerable.Range(0, 40)
            .Select(i => Customer(i, Industries[(i * 7) % 5], priority: (i % 9) / 9.0, current: i % 3 == 0 ? Manager(i % 5) : null, tier: i % 4 == 0 ? "A" : "B", region: "R" + (i % 2), value: i * 10))
            .ToArray();
        var managers = Enumerable.Range(0, 5).Select(m => Mgr(m, 9, [Industries[m], Industries[(m + 1) % 5]], seniority: m % 3, regions: ["R" + (m % 2)])).ToArray();
        var shuffle = new Random(7);

        var plan = PortfolioAllocator.Allocate(customers, managers, AllManaged);
        var shuffled = PortfolioAllocator.Allocate(customers.OrderBy(_ => shuffle.Next()).ToArray(), managers.Reverse().ToArray(), AllManaged);

        Assert.Equal(Render(plan), Render(shuffled));
    }

    [Fact]
    public void Allocate_InvalidOptions_OneMessageNamesEveryBadOption()
    {
        var options = new AllocationOptions { PriorityBands = 1, MoveCost = -1, MaxMoves = -2, SolverTimeLimit = TimeSpan.FromSeconds(-1) };

        var error = Assert.Throws<ArgumentException>(() => PortfolioAllocator.Allocate([], [], AllManaged, options));

        Assert.Contains("PriorityBands must be between 2 and 100; it was 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("MoveCost must be between 0 and 1000000; it was -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxMoves must be null or >= 0; it was -2", error.Message, StringComparison.Ordinal);
        Assert.Contains("SolverTimeLimit must be between 0 and 1 hour; it was -00:00:01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_DuplicateCustomerId_ThrowsNamingTheId()
    {
        var error = Assert.Throws<ArgumentException>(() => PortfolioAllocator.Allocate([Customer(1), Customer(1)], [Mgr(0)], AllManaged));

        Assert.Contains("'C01' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_TierWithoutWorkloadWeight_ThrowsNamingTierAndOption()
    {
        var options = new AllocationOptions { DefaultWorkload = null, WorkloadByTier = new Dictionary<string, double> { ["A"] = 1 } };

        var error = Assert.Throws<ArgumentException>(() => PortfolioAllocator.Allocate([Customer(0, tier: "B")], [Mgr(0)], AllManaged, options));

        Assert.Contains("tier 'B'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllocationOptions.DefaultWorkload", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_PriorityOutsideZeroToOne_ThrowsNamingCustomerAndValue()
    {
        var error = Assert.Throws<ArgumentException>(() => PortfolioAllocator.Allocate([Customer(0, priority: 1.5)], [Mgr(0)], AllManaged));

        Assert.Contains("Customer 'C00': Priority must be between 0 and 1; it was 1.5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllocationOptions_Defaults_AreDocumentedValues()
    {
        var options = new AllocationOptions();

        Assert.Equal((20, 10, 5, 3, 30, 5, (int?)null, (double?)1), (options.IndustryMismatchCost, options.RegionMismatchCost, options.SeniorityMismatchCost, options.BalanceCost, options.MoveCost, options.PriorityBands, options.MaxMoves, options.DefaultWorkload));
        Assert.Empty(options.WorkloadByTier);
        Assert.Equal(TimeSpan.FromSeconds(10), options.SolverTimeLimit);
    }
}
