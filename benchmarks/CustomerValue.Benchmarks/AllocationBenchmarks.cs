using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerValue.Allocation;

namespace CustomerValue.Benchmarks;

/// <summary>
/// Manager allocation (issue 6): 1M customers, 1,000 managers, 30% of the customers new (to be placed), the rest with a
/// current manager; 3 tiers, 8 industries, 6 regions, customer-count capacities with 10% slack. With
/// <see cref="WorkloadLimits"/>, tiers weigh A 3, B 2, C 1 and each manager also has a workload limit of its count
/// capacity times the mean weight (2.38) times a factor drawn from 0.8..1.2, which binds for some managers.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private static readonly string[] Tiers = ["A", "B", "C"];

    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal) { ["A"] = 3, ["B"] = 2, ["C"] = 1 };

    private AllocationCustomer[] _customers = null!;
    private AccountManager[] _managers = null!;
    private AllocationOptions _options = null!;

    [Params(1_000_000)]
    public int Customers { get; set; }

    [Params(1_000)]
    public int Managers { get; set; }

    [Params(false, true)]
    public bool WorkloadLimits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(6);
        var industries = Enumerable.Range(0, 8).Select(i => "I" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var regions = Enumerable.Range(0, 6).Select(i => "R" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var capacity = (int)Math.Ceiling(1.1 * Customers / Managers);
        _managers = new AccountManager[Managers];
        for (var m = 0; m < Managers; m++)
        {
            _managers[m] = new AccountManager(
                ManagerId(m), capacity, null,
                [industries[random.Next(8)], industries[random.Next(8)]], [regions[random.Next(6)]], 1 + random.Next(3));
        }

        _customers = new AllocationCustomer[Customers];
        for (var i = 0; i < Customers; i++)
        {
            var current = random.NextDouble() < 0.3 ? null : ManagerId(random.Next(Managers));
            _customers[i] = new AllocationCustomer(
                "C" + i.ToString("D7", CultureInfo.InvariantCulture),
                Tiers[Math.Min(2, (int)(-Math.Log(1 - random.NextDouble()) * 1.2))],
                null,
                random.NextDouble(),
                Math.Round(random.NextDouble() * 1000, 2),
                industries[random.Next(8)],
                regions[random.Next(6)],
                current);
        }

        _options = new AllocationOptions();
        if (WorkloadLimits)
        {
            // A separate stream, so the customers and count capacities are the same in both variants.
            var limits = new Random(7);
            for (var m = 0; m < Managers; m++)
            {
                _managers[m] = _managers[m] with { MaxWorkload = Math.Round(capacity * 2.38 * (0.8 + (0.4 * limits.NextDouble()))) };
            }

            _options = new AllocationOptions { WorkloadByTier = Weights };
        }
    }

    /// <summary>
    /// Greedy first-fit by priority: customers by priority (descending, then id); each keeps its current manager when that
    /// manager has room (count and workload), otherwise takes the first manager (by id) with room. Capacities only; no
    /// skills, seniority, balance.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int GreedyFirstFit()
    {
        var order = _customers.OrderByDescending(c => c.Priority).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var index = _managers.Select((m, k) => (m.Id, k)).ToDictionary(p => p.Id, p => p.k, StringComparer.Ordinal);
        var load = new int[_managers.Length];
        var work = new double[_managers.Length];
        var lightest = WorkloadLimits ? Weights.Values.Min() : 0;
        var firstWithRoom = 0;
        var placed = 0;
        foreach (var customer in order)
        {
            var weight = WorkloadLimits ? Weights[customer.Tier] : 0;
            if (customer.CurrentManagerId is { } current && index.TryGetValue(current, out var k) && Fits(k, weight))
            {
                Place(k, weight);
                continue;
            }

            // Managers with no room for even the lightest customer stay so; a heavier customer may look further.
            while (firstWithRoom < load.Length && !Fits(firstWithRoom, lightest))
            {
                firstWithRoom++;
            }

            for (var m = firstWithRoom; m < load.Length; m++)
            {
                if (Fits(m, weight))
                {
                    Place(m, weight);
                    break;
                }
            }
        }

        return placed;

        bool Fits(int m, double weight) => load[m] < _managers[m].MaxCustomers && (_managers[m].MaxWorkload is not { } max || work[m] + weight <= max);

        void Place(int m, double weight)
        {
            load[m]++;
            work[m] += weight;
            placed++;
        }
    }

    /// <summary>
    /// The allocator with the default objective (skills, seniority, balance, stability): one min-cost flow with count
    /// capacities; with workload limits that bind, the relaxed flow (the bound) and the per-tier split flows (the plan),
    /// as this model is above the size CP-SAT is given.
    /// </summary>
    [Benchmark]
    public int Library() => PortfolioAllocator.Allocate(_customers, _managers, new ServicePolicy(), _options).Assignments.Count;

    private static string ManagerId(int m) => "AM-" + m.ToString("D4", CultureInfo.InvariantCulture);
}
