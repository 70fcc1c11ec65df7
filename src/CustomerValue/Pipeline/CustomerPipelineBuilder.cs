using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// Composes stages into an immutable <see cref="CustomerPipeline"/>. Mutable and single-use: adding after
/// <see cref="Build"/> throws. Built-in stages are added with extension methods such as <c>AddRfmScores</c>.
/// </summary>
public sealed class CustomerPipelineBuilder
{
    private readonly List<ICustomerStage> _stages = [];
    private readonly List<string> _inputs = [.. ColumnNames.SummaryColumns];
    private bool _built;

    /// <summary>Gets the stages added so far.</summary>
    public IReadOnlyList<ICustomerStage> Stages => _stages;

    /// <summary>
    /// Gets the columns the population is expected to carry: the summary columns of <see cref="CustomerSummaries"/>
    /// plus those declared with <see cref="WithInputColumns"/>.
    /// </summary>
    public IReadOnlyList<string> InputColumns => _inputs;

    /// <summary>Adds a stage at the end of the pipeline.</summary>
    /// <param name="stage">The stage; its name must be unique in the pipeline.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stage"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is already used.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public CustomerPipelineBuilder AddStage(ICustomerStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        EnsureNotBuilt();
        if (_stages.Exists(s => string.Equals(s.Name, stage.Name, StringComparison.Ordinal)))
        {
            throw new ArgumentException(Guard.Invariant($"The pipeline already has a stage named '{stage.Name}'; give the new stage another name."), nameof(stage));
        }

        _stages.Add(stage);
        return this;
    }

    /// <summary>Declares columns the population carries besides the summary columns (complaints, account manager, margin...).</summary>
    /// <param name="columns">The column names.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A name is blank.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public CustomerPipelineBuilder WithInputColumns(params IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        EnsureNotBuilt();
        foreach (var column in columns)
        {
            if (!_inputs.Contains(Guard.NotBlank(column, nameof(columns)), StringComparer.Ordinal))
            {
                _inputs.Add(column);
            }
        }

        return this;
    }

    /// <summary>Checks that every stage's inputs are produced earlier and returns the immutable pipeline.</summary>
    /// <returns>The pipeline.</returns>
    /// <exception cref="InvalidOperationException">The pipeline has no stage, a stage needs a column nothing earlier produces, two stages produce the same column, or the builder was already used.</exception>
    public CustomerPipeline Build()
    {
        EnsureNotBuilt();
        if (_stages.Count == 0)
        {
            throw new InvalidOperationException("The pipeline has no stage: add one, for example with AddRfmScores().");
        }

        var available = new HashSet<string>(_inputs, StringComparer.Ordinal);
        foreach (var stage in _stages)
        {
            foreach (var column in stage.RequiredColumns)
            {
                if (!available.Contains(column))
                {
                    throw new InvalidOperationException(Guard.Invariant(
                        $"Stage '{stage.Name}' needs the column '{column}', which no earlier stage produces. {KnownProducers.Describe(column)}"));
                }
            }

            foreach (var column in stage.ProducedColumns)
            {
                if (!available.Add(column))
                {
                    throw new InvalidOperationException(Guard.Invariant(
                        $"Stage '{stage.Name}' produces the column '{column}', which an input or an earlier stage already provides; give one of them another output name."));
                }
            }
        }

        _built = true;
        return new CustomerPipeline([.. _stages], [.. _inputs]);
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built its pipeline; create a new CustomerPipelineBuilder.");
        }
    }
}
