namespace CustomerValue;

/// <summary>A customer present in both snapshots whose category changed. Immutable.</summary>
/// <param name="CustomerId">The customer id.</param>
/// <param name="From">The category in the 'before' snapshot.</param>
/// <param name="To">The category in the 'after' snapshot.</param>
/// <param name="Steps">
/// The number of ranks moved: positive = up (towards the best category), negative = down, 0 when either category is
/// missing (unranked).
/// </param>
/// <param name="ValueBefore">The 'before' value (<see cref="double.NaN"/> when missing).</param>
/// <param name="ValueAfter">The 'after' value (<see cref="double.NaN"/> when missing).</param>
public sealed record CustomerMove(string CustomerId, string From, string To, int Steps, double ValueBefore, double ValueAfter);
