namespace CustomerValue;

/// <summary>A customer present in only one snapshot (new or lost), with its category and value there. Immutable.</summary>
/// <param name="CustomerId">The customer id.</param>
/// <param name="Category">The category in the snapshot the customer is in.</param>
/// <param name="Value">The value in that snapshot (<see cref="double.NaN"/> when missing).</param>
public sealed record MigrationCustomer(string CustomerId, string Category, double Value);
