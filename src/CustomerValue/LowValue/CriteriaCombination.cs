namespace CustomerValue;

/// <summary>How the enabled low-value criteria combine into the low-value test.</summary>
public enum CriteriaCombination
{
    /// <summary>Every enabled criterion fires.</summary>
    All,

    /// <summary>At least one enabled criterion fires.</summary>
    Any,

    /// <summary>At least <see cref="LowValueOptions.MinimumCriteria"/> enabled criteria fire.</summary>
    AtLeast,
}
