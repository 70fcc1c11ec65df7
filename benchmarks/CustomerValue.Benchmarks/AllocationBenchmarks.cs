using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerValue.Allocation;

namespace CustomerValue.Benchmarks;

/// <summary>
/// Manager allocation (issue 6): 1M customers, 1,000 managers, 30% of the customers new (to be placed), the rest with a
/// current manager; 3 tiers, 8 industries, 6 regions, customer-count capacities with 10% slack.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private static readonly string[] Tiers = ["A", "B", "C"];

    private AllocationCustomer[] _customers = null!;
    private AccountManager[] _managers = null!;

    [Params(1_000_000)]
    public int Customers { get; set; }

    [Params(1_000)]
    public int Managers { get; set; }

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
    }

    /// <summary>
    /// Greedy first-fit by priority: customers by priority (descending, then id); each keeps its current manager when that
    /// manager has room, otherwise takes the first manager (by id) with room. Capacities only; no skills, seniority, balance.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int GreedyFirstFit()
    {
        var order = _customers.OrderByDescending(c => c.Priority).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var index = _managers.Select((m, k) => (m.Id, k)).ToDictionary(p => p.Id, p => p.k, StringComparer.Ordinal);
        var load = new int[_managers.Length];
        var firstWithRoom = 0;
        var placed = 0;
        foreach (var customer in order)
        {
            if (customer.CurrentManagerId is { } current && index.TryGetValue(current, out var k) && load[k] < _managers[k].MaxCustomers)
            {
                load[k]++;
                placed++;
                continue;
            }

            while (firstWithRoom < load.Length && load[firstWithRoom] >= _managers[firstWithRoom].MaxCustomers)
            {
                firstWithRoom++;
            }

            if (firstWithRoom < load.Length)
            {
                load[firstWithRoom]++;
                placed++;
            }
        }

        return placed;
    }

    /// <summary>The min-cost flow allocator with the default objective (skills, seniority, balance, stability).</summary>
    [Benchmark]
    public int Library() => PortfolioAllocator.Allocate(_customers, _managers, new ServicePolicy()).Assignments.Count;

    private static string ManagerId(int m) => "AM-" + m.ToString("D4", CultureInfo.InvariantCulture);
}
