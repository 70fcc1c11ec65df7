using CustomerValue.Internal;
using CustomerValue.Tiers;

namespace CustomerValue;

/// <summary>Adds tier classification stages to a pipeline. Each writes one category column, <see cref="ColumnNames.Tier"/> by default.</summary>
public static class TierPipelineBuilderExtensions
{
    /// <summary>
    /// Adds ABC (Pareto) tiers by cumulative share of value: A reaches <see cref="AbcTierOptions.ACutoff"/> of the
    /// total positive value, A and B together <see cref="AbcTierOptions.BCutoff"/>, C is the rest of the customers
    /// with positive value, and zero or negative values are <see cref="AbcTierOptions.ValuelessTier"/>. The value
    /// thresholds are learned at fit time (see <see cref="AbcTierOptions"/> for the rule on ties).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults (80% / 95% of revenue).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names every invalid option.</exception>
    public static CustomerPipelineBuilder AddAbcTiers(this CustomerPipelineBuilder builder, AbcTierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new AbcTierOptions();
        var errors = new List<string>();
        CheckCommon(errors, options.Name, options.ValueColumn, options.OutputColumn);
        if (!(options.ACutoff > 0 && options.ACutoff < 1))
        {
            errors.Add(Guard.Invariant($"ACutoff must be a fraction greater than 0 and less than 1 (0.8 = 80%); it was {options.ACutoff}."));
        }

        if (!(options.BCutoff > 0 && options.BCutoff <= 1))
        {
            errors.Add(Guard.Invariant($"BCutoff must be a fraction greater than 0 and at most 1 (0.95 = 95%); it was {options.BCutoff}."));
        }
        else if (!(options.BCutoff > options.ACutoff))
        {
            errors.Add(Guard.Invariant($"BCutoff must be greater than ACutoff ({options.ACutoff}); it was {options.BCutoff}."));
        }

        CheckTierNames(errors, [(nameof(options.ATier), options.ATier), (nameof(options.BTier), options.BTier), (nameof(options.CTier), options.CTier), (nameof(options.ValuelessTier), options.ValuelessTier)]);
        Throw(errors, nameof(AbcTierOptions));
        return builder.AddStage(new AbcTierStage(options));
    }

    /// <summary>
    /// Adds count-percentile tiers: the top share of customers by value, the next share, ..., then the rest. The value
    /// thresholds are learned at fit time (see <see cref="PercentileTierOptions"/> for the rule on ties).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults (top 20%, next 30%, rest, by revenue).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names every invalid option.</exception>
    public static CustomerPipelineBuilder AddPercentileTiers(this CustomerPipelineBuilder builder, PercentileTierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options ??= new PercentileTierOptions();
        var errors = new List<string>();
        CheckCommon(errors, options.Name, options.ValueColumn, options.OutputColumn);
        if (CheckList(errors, nameof(options.Tiers), options.Tiers))
        {
            var total = 0m;
            var sharesValid = true;
            for (var k = 0; k < options.Tiers.Count; k++)
            {
                var share = options.Tiers[k].Share;
                if (!(share > 0 && share <= 1))
                {
                    errors.Add(Guard.Invariant($"Tiers[{k}] ('{options.Tiers[k].Name}'): Share must be a fraction greater than 0 and at most 1 (0.2 = 20%); it was {share}."));
                    sharesValid = false;
                    continue;
                }

                total += (decimal)share;
            }

            if (sharesValid && total > 1)
            {
                errors.Add(Guard.Invariant($"The Tiers' shares must sum to at most 1; they sum to {total}."));
            }

            CheckTierNames(errors, [.. options.Tiers.Select((t, k) => (Guard.Invariant($"Tiers[{k}].Name"), t.Name)), (nameof(options.RestTier), options.RestTier)]);
        }

        Throw(errors, nameof(PercentileTierOptions));
        return builder.AddStage(new PercentileTierStage(options));
    }

    /// <summary>
    /// Adds threshold tiers on any numeric or score column: a customer gets the first tier whose
    /// <see cref="ThresholdTier.MinValue"/> the value reaches, else <see cref="ThresholdTierOptions.RestTier"/>.
    /// Nothing is learned from the population.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="options">The options, with at least one tier.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names every invalid option.</exception>
    public static CustomerPipelineBuilder AddThresholdTiers(this CustomerPipelineBuilder builder, ThresholdTierOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        CheckCommon(errors, options.Name, options.ValueColumn, options.OutputColumn);
        if (CheckList(errors, nameof(options.Tiers), options.Tiers))
        {
            for (var k = 0; k < options.Tiers.Count; k++)
            {
                var min = options.Tiers[k].MinValue;
                if (!double.IsFinite(min))
                {
                    errors.Add(Guard.Invariant($"Tiers[{k}] ('{options.Tiers[k].Name}'): MinValue must be a finite number; it was {min}."));
                }
                else if (k > 0 && double.IsFinite(options.Tiers[k - 1].MinValue) && !(min < options.Tiers[k - 1].MinValue))
                {
                    errors.Add(Guard.Invariant($"Tiers[{k}] ('{options.Tiers[k].Name}'): MinValue must be below the previous tier's ({options.Tiers[k - 1].MinValue}), since tiers are listed from the highest threshold down; it was {min}."));
                }
            }

            CheckTierNames(errors, [.. options.Tiers.Select((t, k) => (Guard.Invariant($"Tiers[{k}].Name"), t.Name)), (nameof(options.RestTier), options.RestTier)]);
        }

        Throw(errors, nameof(ThresholdTierOptions));
        return builder.AddStage(new ThresholdTierStage(options));
    }

    /// <summary>
    /// Adds a tier from a segment: each <see cref="SegmentTier"/> lists the segments whose customers get it; other
    /// segments get <see cref="SegmentTierOptions.DefaultTier"/>, or fail fitting when it is not set.
    /// </summary>
    /// <param name="builder">The builder; a stage producing the segment column (such as <c>AddSegments</c>) must come earlier.</param>
    /// <param name="options">The options, with at least one tier.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is invalid; the message names every invalid option.</exception>
    public static CustomerPipelineBuilder AddSegmentTiers(this CustomerPipelineBuilder builder, SegmentTierOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        CheckCommon(errors, options.Name, options.SegmentColumn, options.OutputColumn, nameof(options.SegmentColumn));
        if (CheckList(errors, nameof(options.Tiers), options.Tiers))
        {
            var owner = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var k = 0; k < options.Tiers.Count; k++)
            {
                var tier = options.Tiers[k];
                if (tier.Segments is null || tier.Segments.Count == 0)
                {
                    errors.Add(Guard.Invariant($"Tiers[{k}] ('{tier.Name}'): Segments must list at least one segment."));
                    continue;
                }

                foreach (var segment in tier.Segments)
                {
                    if (segment is null)
                    {
                        errors.Add(Guard.Invariant($"Tiers[{k}] ('{tier.Name}'): Segments must not contain null."));
                    }
                    else if (!owner.TryAdd(segment, tier.Name))
                    {
                        errors.Add(Guard.Invariant($"Tiers[{k}] ('{tier.Name}'): the segment '{segment}' is already in tier '{owner[segment]}'; a segment belongs to one tier."));
                    }
                }
            }

            CheckTierNames(errors, [.. options.Tiers.Select((t, k) => (Guard.Invariant($"Tiers[{k}].Name"), t.Name))]);
        }

        if (options.DefaultTier is not null && string.IsNullOrWhiteSpace(options.DefaultTier))
        {
            errors.Add("DefaultTier must not be empty; set it to null to fail on an unmapped segment.");
        }

        Throw(errors, nameof(SegmentTierOptions));
        return builder.AddStage(new SegmentTierStage(options));
    }

    private static void CheckCommon(List<string> errors, string name, string valueColumn, string outputColumn, string valueOption = "ValueColumn")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("Name must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(valueColumn))
        {
            errors.Add(valueOption + " must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(outputColumn))
        {
            errors.Add("OutputColumn must not be empty.");
        }
        else if (string.Equals(outputColumn, valueColumn, StringComparison.Ordinal))
        {
            errors.Add(Guard.Invariant($"OutputColumn must differ from {valueOption}; both are '{outputColumn}'."));
        }
    }

    private static bool CheckList<T>(List<string> errors, string option, IReadOnlyList<T?>? list)
        where T : class
    {
        if (list is null || list.Count == 0)
        {
            errors.Add(option + " must list at least one tier.");
            return false;
        }

        for (var k = 0; k < list.Count; k++)
        {
            if (list[k] is null)
            {
                errors.Add(Guard.Invariant($"{option}[{k}] must not be null."));
                return false;
            }
        }

        return true;
    }

    private static void CheckTierNames(List<string> errors, (string Option, string? Name)[] names)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (option, name) in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(option + " must not be empty.");
            }
            else if (!seen.TryAdd(name, option))
            {
                errors.Add(Guard.Invariant($"{option} must differ from {seen[name]}; both are '{name}'."));
            }
        }
    }

    private static void Throw(List<string> errors, string optionsType, string options = "options")
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid " + optionsType + ": " + string.Join(" ", errors), options);
        }
    }
}
