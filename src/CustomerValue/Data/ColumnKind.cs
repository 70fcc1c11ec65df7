namespace CustomerValue;

/// <summary>The storage kind of a <see cref="FrameColumn"/>.</summary>
public enum ColumnKind
{
    /// <summary>Numbers stored as <see cref="double"/>; a missing value is <see cref="double.NaN"/>.</summary>
    Numeric,

    /// <summary>Scores 1..k stored as bytes (see <see cref="ScoreColumn"/>).</summary>
    Score,

    /// <summary>Labels from a small fixed set, stored as codes (see <see cref="CategoryColumn"/>).</summary>
    Category,

    /// <summary>Free text; a missing value is <see langword="null"/>.</summary>
    Text,

    /// <summary>A set of named flags per customer (rules that fired, reasons), stored as bits (see <see cref="FlagsColumn"/>).</summary>
    Flags,
}
