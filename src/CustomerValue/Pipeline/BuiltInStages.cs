using System.Diagnostics.CodeAnalysis;

namespace CustomerValue;

/// <summary>The loaders of the built-in stage kinds, used by <see cref="FittedPipeline.FromJson"/>.</summary>
internal static class BuiltInStages
{
    private static readonly Dictionary<string, FittedStageLoader> Loaders = new(StringComparer.Ordinal);

    public static bool TryGetLoader(string kind, [NotNullWhen(true)] out FittedStageLoader? loader)
        => Loaders.TryGetValue(kind, out loader);
}
