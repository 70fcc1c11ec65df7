using System.Globalization;

namespace CustomerValue.Allocation.Internal;

/// <summary>Culture-invariant messages and the shared limits of the allocation checks.</summary>
internal static class Check
{
    /// <summary>The largest cost option: keeps every path cost times the node count well inside the solver's 64-bit range.</summary>
    public const int MaxCost = 1_000_000;

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
