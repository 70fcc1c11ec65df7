using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerValue.Tests.Reevaluation;

/// <summary>
/// Two snapshots over a pool of customer ids: per id, where it is (0 nowhere, 1 before only, 2 after only, 3 both),
/// a tier code in each snapshot (-1 = missing) and a value in cents.
/// </summary>
public sealed record MigrationCase(int[] Presence, int[] BeforeCodes, int[] AfterCodes, int[] BeforeCents, int[] AfterCents)
{
    public static readonly string[] Tiers = ["Gold", "Silver", "Bronze", "Tin"];

    public static string Id(int k) => "K" + k.ToString(CultureInfo.InvariantCulture);

    public bool InBefore(int k) => (Presence[k] & 1) != 0;

    public bool InAfter(int k) => (Presence[k] & 2) != 0;

    public CustomerFrame Before() => Frame(Enumerable.Range(0, Presence.Length).Where(InBefore), BeforeCodes, BeforeCents);

    // Reverse order, so matching cannot rely on rows lining up.
    public CustomerFrame After() => Frame(Enumerable.Range(0, Presence.Length).Where(InAfter).Reverse(), AfterCodes, AfterCents);

    private static CustomerFrame Frame(IEnumerable<int> keys, int[] codes, int[] cents)
    {
        var rows = keys.ToArray();
        return CustomerFrame.Create(rows.Select(Id),
        [
            new CategoryColumn(ColumnNames.Tier, rows.Select(k => codes[k] < 0 ? null : Tiers[codes[k]]), Tiers),
            new NumericColumn(ColumnNames.Revenue, rows.Select(k => cents[k] / 100.0)),
        ]);
    }
}

public static class MigrationGenerators
{
    public static Arbitrary<MigrationCase> Cases() =>
        (from n in Gen.Choose(0, 60)
         from presence in Gen.Choose(0, 3).ArrayOf(n)
         from before in Gen.Choose(-1, MigrationCase.Tiers.Length - 1).ArrayOf(n)
         from after in Gen.Choose(-1, MigrationCase.Tiers.Length - 1).ArrayOf(n)
         from beforeCents in Gen.Choose(-5_000, 100_000).ArrayOf(n)
         from afterCents in Gen.Choose(-5_000, 100_000).ArrayOf(n)
         select new MigrationCase(presence, before, after, beforeCents, afterCents)).ToArbitrary();
}
