using CustomerValue.Internal;
using CustomerValue.Tiers;

namespace CustomerValue;

/// <summary>Customers, share of customers, value and share of value per tier of a scored frame. Immutable.</summary>
public sealed class TierSummary
{
    private TierSummary(TierSummaryRow[] rows, int untiered)
    {
        Rows = rows;
        UntieredCustomers = untiered;
    }

    /// <summary>Gets one row per tier, in the tier column's category order (empty tiers included, with zeros).</summary>
    public IReadOnlyList<TierSummaryRow> Rows { get; }

    /// <summary>Gets the number of customers without a tier (a missing value or segment); they are in no row and no share.</summary>
    public int UntieredCustomers { get; }

    /// <summary>Summarises <paramref name="scored"/> by the tiers in <paramref name="tierColumn"/>.</summary>
    /// <param name="scored">A frame with the tier column and the value column.</param>
    /// <param name="tierColumn">The category column a tier stage wrote; the default is <see cref="ColumnNames.Tier"/>.</param>
    /// <param name="valueColumn">The numeric or score column to total; the default is <see cref="ColumnNames.Revenue"/>.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">A column is missing.</exception>
    /// <exception cref="InvalidOperationException">The tier column is not a category column.</exception>
    /// <exception cref="ArgumentException">The value column is not numeric.</exception>
    public static TierSummary Create(CustomerFrame scored, string tierColumn = ColumnNames.Tier, string valueColumn = ColumnNames.Revenue)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(tierColumn);
        ArgumentNullException.ThrowIfNull(valueColumn);
        var tiers = scored.GetCategory(tierColumn);
        var values = NumericInput.Read(scored, valueColumn, nameof(TierSummary), nameof(valueColumn)).Values;
        var customers = new int[tiers.Categories.Count];
        var sums = new double[tiers.Categories.Count];
        var untiered = 0;
        for (var i = 0; i < tiers.Length; i++)
        {
            var code = tiers.GetCode(i);
            if (code < 0)
            {
                untiered++;
                continue;
            }

            customers[code]++;
            if (!double.IsNaN(values[i]))
            {
                sums[code] += values[i];
            }
        }

        var tiered = tiers.Length - untiered;
        var total = 0.0;
        foreach (var sum in sums)
        {
            total += sum;
        }

        var rows = new TierSummaryRow[customers.Length];
        for (var t = 0; t < rows.Length; t++)
        {
            rows[t] = new TierSummaryRow(
                tiers.Categories[t],
                customers[t],
                tiered == 0 ? 0 : (double)customers[t] / tiered,
                sums[t],
                total == 0 ? 0 : sums[t] / total);
        }

        return new TierSummary(rows, untiered);
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Join(Environment.NewLine, Rows.Select(r => Guard.Invariant($"{r.Tier}: {r.Customers} customers ({r.CustomerShare:P1}), value {r.Value:0.##} ({r.ValueShare:P1})")));
}
