using CustomerValue.Internal;

namespace CustomerValue;

/// <summary>
/// An immutable chain of stages. <see cref="Fit"/> learns every population-dependent parameter into a
/// <see cref="FittedPipeline"/>; <see cref="Run"/> fits and scores the same population. Thread-safe.
/// </summary>
public sealed class CustomerPipeline
{
    private readonly ICustomerStage[] _stages;
    private readonly string[] _inputs;

    internal CustomerPipeline(ICustomerStage[] stages, string[] inputs)
    {
        _stages = stages;
        _inputs = inputs;
    }

    /// <summary>Gets the stages in order.</summary>
    public IReadOnlyList<ICustomerStage> Stages => _stages;

    /// <summary>Gets the columns the population is expected to carry.</summary>
    public IReadOnlyList<string> InputColumns => _inputs;

    /// <summary>Fits every stage in order, each on the population extended by the outputs of the stages before it.</summary>
    /// <param name="population">The population to learn cut points and thresholds from; at least one customer.</param>
    /// <returns>The fitted pipeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException">The population is empty or lacks a column a stage reads.</exception>
    public FittedPipeline Fit(CustomerFrame population) => FitAndScore(population).Model;

    /// <summary>Fits on <paramref name="population"/> and scores it: the same as <c>Fit(population).Score(population)</c>.</summary>
    /// <param name="population">The population.</param>
    /// <returns>The population with every stage's columns added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="population"/> is null.</exception>
    /// <exception cref="ArgumentException">The population is empty or lacks a column a stage reads.</exception>
    public CustomerFrame Run(CustomerFrame population) => FitAndScore(population).Scored;

    private (FittedPipeline Model, CustomerFrame Scored) FitAndScore(CustomerFrame population)
    {
        ArgumentNullException.ThrowIfNull(population);
        if (population.Count == 0)
        {
            throw new ArgumentException("The population is empty: there is nothing to fit cut points on.", nameof(population));
        }

        PipelineChecks.RequireInputs(population, _stages.Select(s => (s.Name, s.RequiredColumns)), nameof(population), _stages.Select(s => s.ProducedColumns));
        var fitted = new IFittedCustomerStage[_stages.Length];
        var frame = population;

        // Stages that need the same statistics of a column (see FitScope) compute them once in this fit.
        using var scope = FitScope.Begin();
        for (var i = 0; i < _stages.Length; i++)
        {
            fitted[i] = _stages[i].Fit(frame) ?? throw new InvalidOperationException(Guard.Invariant($"Stage '{_stages[i].Name}' returned no fitted stage."));
            frame = PipelineChecks.Apply(fitted[i], frame);
        }

        var required = _stages.Select(s => new KeyValuePair<string, string[]>(s.Name, [.. s.RequiredColumns])).ToArray();
        return (new FittedPipeline(fitted, required), frame);
    }
}
