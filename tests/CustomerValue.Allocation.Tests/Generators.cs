using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Allocation.Tests;

/// <summary>A generated allocation input: bounded labels, priorities in twentieths, small integer capacities.</summary>
public sealed record GeneratedRun(AllocationCustomer[] Customers, AccountManager[] Managers, int? MaxMoves)
{
    public static readonly ServicePolicy Policy = new()
    {
        ServiceByTier = new Dictionary<string, string> { ["C"] = "automated" },
        ServiceByStatus = new Dictionary<string, string> { ["potential"] = ServicePolicy.DedicatedManager, ["low value"] = "pooled" },
    };

    public AllocationOptions Options => new()
    {
        WorkloadByTier = new Dictionary<string, double> { ["A"] = 3, ["B"] = 1.5, ["C"] = 1 },
        MaxMoves = MaxMoves,
    };

    public override string ToString()
        => string.Join(" ", Customers.Select(c => $"{c.Id}/{c.Tier}/{c.Status}/{c.Priority}/{c.Industry}/{c.Region}/{c.CurrentManagerId}"))
           + " | " + string.Join(" ", Managers.Select(m => $"{m.Id}/{m.MaxCustomers}/{m.MaxWorkload}/{string.Join("+", m.Industries)}/{string.Join("+", m.Regions)}/{m.Seniority}"))
           + " | moves " + MaxMoves;
}

/// <summary>Bounded generators for the property tests.</summary>
public static class Generators
{
    private static readonly string[] IndustryLabels = ["I0", "I1", "I2"];
    private static readonly string[] RegionLabels = ["R0", "R1"];

    public static Arbitrary<GeneratedRun> Runs() => RunsOf(6, 60);

    /// <summary>Runs of up to <paramref name="managerLimit"/> managers and <paramref name="customerLimit"/> customers.</summary>
    public static Arbitrary<GeneratedRun> RunsOf(int managerLimit, int customerLimit)
    {
        var maybe = (Gen<string> gen) => Gen.Frequency((4, gen.Select(s => (string?)s)), (1, Gen.Constant<string?>(null)));
        var manager =
            from maxCustomers in Gen.Frequency((3, Gen.Choose(0, 12).Select(c => (int?)c)), (1, Gen.Constant<int?>(null)))
            from maxWorkload in Gen.Frequency((2, Gen.Choose(0, 24).Select(w => (double?)(w / 2.0))), (1, Gen.Constant<double?>(null)))
            from industries in Gen.SubListOf(IndustryLabels)
            from regions in Gen.SubListOf(RegionLabels)
            from seniority in Gen.Choose(1, 3)
            select (maxCustomers, maxWorkload, industries, regions, seniority);
        var customer =
            from tier in Gen.Elements("A", "B", "C")
            from status in maybe(Gen.Elements("valuable", "low value", "potential"))
            from priority in Gen.Choose(0, 20)
            from industry in maybe(Gen.Elements(IndustryLabels))
            from region in maybe(Gen.Elements(RegionLabels))
            from current in Gen.Frequency((2, Gen.Choose(0, 5).Select(m => (string?)("M" + m.ToString(CultureInfo.InvariantCulture)))), (1, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("gone")))
            select (tier, status, priority / 20.0, industry, region, current);
        return Arb.From(
            from managerCount in Gen.Choose(0, managerLimit)
            from managers in Gen.ArrayOf(manager, managerCount)
            from customerCount in Gen.Choose(0, customerLimit)
            from customers in Gen.ArrayOf(customer, customerCount)
            from maxMoves in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 4).Select(m => (int?)m)))
            select new GeneratedRun(
                [.. customers.Select((c, i) => new AllocationCustomer("C" + i.ToString("00", CultureInfo.InvariantCulture), c.tier, c.status, c.Item3, i, c.industry, c.region, c.current))],
                [.. managers.Select((m, i) => new AccountManager("M" + i.ToString(CultureInfo.InvariantCulture), m.maxCustomers, m.maxWorkload, [.. m.industries], [.. m.regions], m.seniority))],
                maxMoves));
    }
}

/// <summary>Runs small enough for the exact reference: at most 5 managers and 40 customers.</summary>
public static class SmallGenerators
{
    public static Arbitrary<GeneratedRun> Runs() => Generators.RunsOf(5, 40);
}
