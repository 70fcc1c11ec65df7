namespace CustomerValue.Allocation;

/// <summary>
/// The frame columns <see cref="AllocationCustomers.FromFrame"/> reads. Immutable. A column set to
/// <see langword="null"/> is not read (optional attributes only); a named column that the frame lacks is an error.
/// </summary>
public sealed record AllocationColumns
{
    /// <summary>Gets the tier label column (category or text).</summary>
    /// <value>The default value is <see cref="ColumnNames.Tier"/>.</value>
    public string Tier { get; init; } = ColumnNames.Tier;

    /// <summary>Gets the value-status column (category or text), or <see langword="null"/> to give every customer no status.</summary>
    /// <value>The default value is <see cref="ColumnNames.ValueStatus"/>.</value>
    public string? Status { get; init; } = ColumnNames.ValueStatus;

    /// <summary>Gets the priority column (numeric, 0..1).</summary>
    /// <value>The default value is <see cref="ColumnNames.Priority"/>.</value>
    public string Priority { get; init; } = ColumnNames.Priority;

    /// <summary>Gets the value column (numeric).</summary>
    /// <value>The default value is <see cref="ColumnNames.Revenue"/>.</value>
    public string Value { get; init; } = ColumnNames.Revenue;

    /// <summary>Gets the industry column (category or text), or <see langword="null"/> when industries are not matched.</summary>
    /// <value>The default value is "industry".</value>
    public string? Industry { get; init; } = "industry";

    /// <summary>Gets the region column (category or text), or <see langword="null"/> when regions are not matched.</summary>
    /// <value>The default value is "region".</value>
    public string? Region { get; init; } = "region";

    /// <summary>Gets the current account manager column (category or text), or <see langword="null"/> when no customer has a manager yet.</summary>
    /// <value>The default value is <see cref="ColumnNames.AccountManager"/>.</value>
    public string? AccountManager { get; init; } = ColumnNames.AccountManager;
}
