namespace CustomerValue;

/// <summary>
/// One cell of a <see cref="MigrationMatrix"/>: the customers present in both snapshots whose category went from
/// <paramref name="From"/> to <paramref name="To"/>, and their value. Missing values add nothing to the sums. Immutable.
/// </summary>
/// <param name="From">The category in the 'before' snapshot.</param>
/// <param name="To">The category in the 'after' snapshot.</param>
/// <param name="Customers">The number of customers.</param>
/// <param name="ValueBefore">The sum of their 'before' values.</param>
/// <param name="ValueAfter">The sum of their 'after' values: the value that moved from <paramref name="From"/> to <paramref name="To"/>.</param>
public sealed record MigrationCell(string From, string To, int Customers, double ValueBefore, double ValueAfter)
{
    /// <summary>Gets the change of value, <see cref="ValueAfter"/> - <see cref="ValueBefore"/>.</summary>
    public double ValueChange => ValueAfter - ValueBefore;
}
