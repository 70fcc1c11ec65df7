namespace CustomerValue;

/// <summary>
/// A pipeline stage before fitting: it names the columns it reads and writes, and learns its population-dependent
/// parameters in <see cref="Fit"/>. Implement it (with <see cref="IFittedCustomerStage"/>) to add a custom stage.
/// </summary>
public interface ICustomerStage
{
    /// <summary>Gets the stage name, unique within a pipeline (used in descriptions, errors and saved models).</summary>
    string Name { get; }

    /// <summary>Gets the columns the stage reads; each must be an input column or produced by an earlier stage.</summary>
    IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Gets the columns the stage adds.</summary>
    IReadOnlyList<string> ProducedColumns { get; }

    /// <summary>Learns the stage's parameters from <paramref name="population"/> (which holds every required column).</summary>
    /// <param name="population">The population to fit on.</param>
    /// <returns>The fitted stage, immutable and thread-safe.</returns>
    IFittedCustomerStage Fit(CustomerFrame population);
}
