namespace CustomerValue.Allocation;

/// <summary>
/// Which customers get a dedicated account manager and which go to a service channel (a pooled team, automated service),
/// by status and tier label. Immutable.
/// </summary>
/// <remarks>
/// A customer's service is the first that applies of: <see cref="ServiceByStatus"/> for its status,
/// <see cref="ServiceByTier"/> for its tier, <see cref="DefaultService"/>. Status comes first so that, for example,
/// a tier-C customer with the status "potential" can keep a manager while the rest of tier C goes to automated service.
/// A service is a channel name, or <see cref="DedicatedManager"/>.
/// </remarks>
public sealed record ServicePolicy
{
    /// <summary>The service value that means "a dedicated account manager" rather than a channel.</summary>
    public const string DedicatedManager = "dedicated manager";

    /// <summary>Gets the service by status label (ordinal comparison).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyDictionary<string, string> ServiceByStatus { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the service by tier label (ordinal comparison).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyDictionary<string, string> ServiceByTier { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the service of customers no rule applies to.</summary>
    /// <value>The default value is <see cref="DedicatedManager"/>: every customer gets a manager.</value>
    public string DefaultService { get; init; } = DedicatedManager;

    /// <summary>Returns the service for a customer: a channel name, or <see cref="DedicatedManager"/>.</summary>
    /// <param name="tier">The tier label.</param>
    /// <param name="status">The status label, or <see langword="null"/>.</param>
    /// <returns>The service.</returns>
    public string ServiceFor(string tier, string? status)
    {
        if (status is not null && ServiceByStatus.TryGetValue(status, out var byStatus))
        {
            return byStatus;
        }

        return tier is not null && ServiceByTier.TryGetValue(tier, out var byTier) ? byTier : DefaultService;
    }
}
