using System.Text.Json;

namespace CustomerValue;

/// <summary>A fitted pipeline stage: frozen parameters that score any population. Implementations must be immutable and thread-safe.</summary>
public interface IFittedCustomerStage
{
    /// <summary>Gets the stage name.</summary>
    string Name { get; }

    /// <summary>Gets the kind that identifies the stage type in a saved model (for example "rfm-scores").</summary>
    string Kind { get; }

    /// <summary>Gets the columns <see cref="Score"/> returns, in order.</summary>
    IReadOnlyList<string> ProducedColumns { get; }

    /// <summary>Describes the stage's options and fitted parameters for audit.</summary>
    /// <returns>The description.</returns>
    StageDescription Describe();

    /// <summary>Computes the stage's columns for <paramref name="population"/>, which may hold customers unseen at fit time.</summary>
    /// <param name="population">The population, holding every required column.</param>
    /// <returns>One column per <see cref="ProducedColumns"/> entry, each with one value per customer.</returns>
    IReadOnlyList<FrameColumn> Score(CustomerFrame population);

    /// <summary>Writes the options and fitted parameters as a JSON object, which the stage's loader reads back.</summary>
    /// <param name="writer">The writer, positioned where the object's value goes.</param>
    void WriteState(Utf8JsonWriter writer);
}
