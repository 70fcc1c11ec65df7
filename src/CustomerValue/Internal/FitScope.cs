namespace CustomerValue.Internal;

/// <summary>
/// Statistics that several stages of one pipeline fit compute from the same column - the ABC and low-value stages both
/// bucket the value column by share of value - computed once per fit. A pipeline opens a scope around its fit; a stage
/// fitted on its own, outside any scope, computes what it needs itself. Nothing outlives the scope.
/// </summary>
internal static class FitScope
{
    // The pipeline fits its stages one after another on one thread, and stages look statistics up before they split
    // work across threads, so the scope belongs to the fitting thread.
    [ThreadStatic]
    private static Dictionary<(FrameColumn Column, string Statistic), object>? t_current;

    /// <summary>Opens a scope for one pipeline fit; disposing it drops what was kept and restores the enclosing scope.</summary>
    public static IDisposable Begin()
    {
        var outer = t_current;
        t_current = [];
        return new Scope(outer);
    }

    /// <summary>Returns the statistic computed for <paramref name="column"/> in this scope, computing it on first use; outside a scope, computes it.</summary>
    public static T GetOrAdd<T>(FrameColumn? column, string statistic, Func<T> compute)
        where T : class
    {
        if (t_current is not { } kept || column is null)
        {
            return compute();
        }

        if (!kept.TryGetValue((column, statistic), out var value))
        {
            value = compute();
            kept.Add((column, statistic), value);
        }

        return (T)value;
    }

    private sealed class Scope(Dictionary<(FrameColumn Column, string Statistic), object>? outer) : IDisposable
    {
        public void Dispose() => t_current = outer;
    }
}
