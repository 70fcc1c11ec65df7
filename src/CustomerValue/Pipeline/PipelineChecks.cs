using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>Checks shared by fitting and scoring.</summary>
internal static class PipelineChecks
{
    /// <summary>Checks that every column a stage reads is either in the population or produced by an earlier stage.</summary>
    public static void RequireInputs(CustomerFrame population, IEnumerable<(string Stage, IReadOnlyList<string> Columns)> required, string parameter, IEnumerable<IReadOnlyList<string>>? produced = null)
    {
        var available = new HashSet<string>(population.Columns.Select(c => c.Name), StringComparer.Ordinal);
        using var outputs = (produced ?? []).GetEnumerator();
        foreach (var (stage, columns) in required)
        {
            foreach (var column in columns)
            {
                if (!available.Contains(column))
                {
                    throw new ArgumentException(Guard.Invariant(
                        $"The population has no column '{column}', which stage '{stage}' reads. Its columns are: {string.Join(", ", population.Columns.Select(c => c.Name))}."), parameter);
                }
            }

            if (outputs.MoveNext())
            {
                available.UnionWith(outputs.Current);
            }
        }
    }

    /// <summary>Scores one stage and checks that it returned exactly the columns it declared.</summary>
    public static CustomerFrame Apply(IFittedCustomerStage stage, CustomerFrame frame)
    {
        var columns = stage.Score(frame);
        if (columns.Count != stage.ProducedColumns.Count)
        {
            throw new InvalidOperationException(Guard.Invariant($"Stage '{stage.Name}' declared {stage.ProducedColumns.Count} columns but returned {columns.Count}."));
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (!string.Equals(columns[i].Name, stage.ProducedColumns[i], StringComparison.Ordinal))
            {
                throw new InvalidOperationException(Guard.Invariant($"Stage '{stage.Name}' declared the column '{stage.ProducedColumns[i]}' but returned '{columns[i].Name}'."));
            }
        }

        return frame.AddColumns(columns);
    }
}
