using CustomerValue.Internal;
using CustomerValue.Rfm;

namespace CustomerValue;

/// <summary>Adds the RFM scoring stage to a pipeline.</summary>
public static class RfmPipelineBuilderExtensions
{
    /// <summary>
    /// Adds RFM scores: <see cref="ColumnNames.RecencyScore"/>, <see cref="ColumnNames.FrequencyScore"/>,
    /// <see cref="ColumnNames.MonetaryScore"/> (1..k, most recent = k), <see cref="ColumnNames.FmScore"/>,
    /// <see cref="ColumnNames.RfmCode"/> and <see cref="ColumnNames.RfmScore"/>. Cut points are learned at fit time.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names every invalid option.</exception>
    public static CustomerPipelineBuilder AddRfmScores(this CustomerPipelineBuilder builder, RfmScoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new RfmScoreOptions();
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            errors.Add("Name must not be empty.");
        }

        if (options.Bins is < 2 or > 9)
        {
            errors.Add(Guard.Invariant($"Bins must be between 2 and 9; it was {options.Bins}."));
        }

        if (!Enum.IsDefined(options.Method))
        {
            errors.Add(Guard.Invariant($"Method must be one of {string.Join(", ", Enum.GetNames<BinningMethod>())}; it was {(int)options.Method}."));
        }

        CheckWeight(errors, nameof(options.RecencyWeight), options.RecencyWeight);
        CheckWeight(errors, nameof(options.FrequencyWeight), options.FrequencyWeight);
        CheckWeight(errors, nameof(options.MonetaryWeight), options.MonetaryWeight);
        if (!(options.RecencyWeight + options.FrequencyWeight + options.MonetaryWeight > 0))
        {
            errors.Add("At least one of RecencyWeight, FrequencyWeight and MonetaryWeight must be positive.");
        }

        foreach (var (name, column) in new[] { (nameof(options.RecencyColumn), options.RecencyColumn), (nameof(options.FrequencyColumn), options.FrequencyColumn), (nameof(options.MonetaryColumn), options.MonetaryColumn) })
        {
            if (string.IsNullOrWhiteSpace(column))
            {
                errors.Add(name + " must not be empty.");
            }
        }

        RfmDimensionCuts?[] fixedCuts = [null, null, null];
        if (options.Method == BinningMethod.FixedCutPoints && options.Bins is >= 2 and <= 9)
        {
            var given = new[] { (nameof(options.RecencyCutPoints), options.RecencyCutPoints, false), (nameof(options.FrequencyCutPoints), options.FrequencyCutPoints, true), (nameof(options.MonetaryCutPoints), options.MonetaryCutPoints, true) };
            for (var d = 0; d < 3; d++)
            {
                var (name, cuts, higherIsBetter) = given[d];
                if (cuts is null)
                {
                    errors.Add(name + " is required when Method is FixedCutPoints.");
                    continue;
                }

                try
                {
                    fixedCuts[d] = RfmDimensionCuts.FromCutPoints(cuts, options.Bins, higherIsBetter);
                }
                catch (ArgumentException e)
                {
                    errors.Add(name + ": " + e.Message.Split(" (Parameter")[0]);
                }
            }
        }
        else if (options.RecencyCutPoints is not null || options.FrequencyCutPoints is not null || options.MonetaryCutPoints is not null)
        {
            errors.Add("Cut points are only used when Method is FixedCutPoints; set Method = BinningMethod.FixedCutPoints or remove them.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid RfmScoreOptions: " + string.Join(" ", errors), nameof(options));
        }

        return builder.AddStage(new RfmScoreStage(options, fixedCuts));
    }

    private static void CheckWeight(List<string> errors, string name, double weight)
    {
        if (!(weight >= 0) || double.IsInfinity(weight))
        {
            errors.Add(Guard.Invariant($"{name} must be finite and >= 0; it was {weight}."));
        }
    }
}
