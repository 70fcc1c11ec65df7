namespace CustomerValue.Csv;

/// <summary>
/// The column names that <see cref="CsvAttributes"/> gives the known customer attributes, however their header spells
/// them ("Account Manager", "ACCOUNT_MANAGER", "AccountManager"). Other columns keep their header name.
/// </summary>
public static class CsvAttributeNames
{
    /// <summary>The customer id column of written files.</summary>
    public const string CustomerId = "customer_id";

    /// <summary>The number of interactions (contacts, touchpoints).</summary>
    public const string Interactions = "interactions";

    /// <summary>The number of complaints.</summary>
    public const string Complaints = "complaints";

    /// <summary>The satisfaction score (CSAT).</summary>
    public const string Satisfaction = "satisfaction";

    /// <summary>The customer's account manager (owner, sales rep).</summary>
    public const string AccountManager = "account_manager";

    /// <summary>The region (territory, area).</summary>
    public const string Region = "region";

    /// <summary>The industry (sector, vertical).</summary>
    public const string Industry = "industry";

    /// <summary>The growth potential.</summary>
    public const string Potential = "potential";
}
