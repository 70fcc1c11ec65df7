namespace CustomerValue;

/// <summary>One status's line in a <see cref="LowValueSummary"/>. Immutable.</summary>
/// <param name="Status">The status (see <see cref="ValueStatuses"/>).</param>
/// <param name="Customers">The number of customers.</param>
/// <param name="CustomerShare">Their share of the customers with a status, 0..1.</param>
/// <param name="Value">Their total value (missing values skipped).</param>
/// <param name="ValueShare">Their value over the total value of all customers with a status (0 when that total is 0; negative values make shares of a signed total).</param>
/// <param name="Recommendation">The service recommended for the status.</param>
public sealed record LowValueSummaryRow(string Status, int Customers, double CustomerShare, double Value, double ValueShare, string Recommendation);
