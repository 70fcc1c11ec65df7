namespace CustomerValue;

/// <summary>An audit description of a fitted stage: its options and its fitted parameters, as invariant text. Immutable.</summary>
/// <param name="Name">The stage name.</param>
/// <param name="Kind">The stage kind.</param>
/// <param name="Options">The options, by name.</param>
/// <param name="Parameters">The fitted parameters (cut points, collapsed dimensions, thresholds), by name.</param>
public sealed record StageDescription(
    string Name,
    string Kind,
    IReadOnlyList<KeyValuePair<string, string>> Options,
    IReadOnlyList<KeyValuePair<string, string>> Parameters);
