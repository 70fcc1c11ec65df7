using CustomerValue.Models;

namespace CustomerValue;

/// <summary>Options of the CLV stage (<see cref="ClvPipelineBuilderExtensions.AddClv"/>). Immutable.</summary>
public sealed record ClvStageOptions
{
    /// <summary>Gets the stage name.</summary>
    /// <value>The default value is "clv".</value>
    public string Name { get; init; } = "clv";

    /// <summary>Gets the purchase model fitted at fit time (ignored when <see cref="PurchaseModel"/> is given).</summary>
    /// <value>The default value is <see cref="PurchaseModelKind.BgNbd"/>.</value>
    public PurchaseModelKind Model { get; init; } = PurchaseModelKind.BgNbd;

    /// <summary>
    /// Gets the unit of the model-summary columns (<see cref="ColumnNames.ModelFrequency"/>, <see cref="ColumnNames.ModelRecency"/>,
    /// <see cref="ColumnNames.ModelT"/>): it must be the <see cref="SummaryOptions.ModelPeriod"/> the summaries used.
    /// </summary>
    /// <value>The default value is <see cref="ModelTimeUnit.Day"/>, matching the default summary period; allowed Day or Week.</value>
    public ModelTimeUnit SummaryUnit { get; init; } = ModelTimeUnit.Day;

    /// <summary>Gets the horizon of expected purchases and CLV, with its unit.</summary>
    /// <value>The default value is 12 months.</value>
    public Horizon Horizon { get; init; } = Horizon.Months(12);

    /// <summary>Gets the discount rate of CLV, with its unit.</summary>
    /// <value>The default value is 1% per month.</value>
    public DiscountRate DiscountRate { get; init; } = new(0.01, ModelTimeUnit.Month);

    /// <summary>Gets an already fitted purchase model to use instead of fitting one (its own unit is respected).</summary>
    /// <value>The default value is <see langword="null"/>: fit <see cref="Model"/> on the population.</value>
    public PurchaseModel? PurchaseModel { get; init; }

    /// <summary>Gets an already fitted spend model to use instead of fitting Gamma-Gamma on the repeat customers.</summary>
    /// <value>The default value is <see langword="null"/>: fit Gamma-Gamma on the population.</value>
    public GammaGammaModel? SpendModel { get; init; }

    /// <summary>Gets the options of the maximum-likelihood fits.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ModelFitOptions.Default"/>.</value>
    public ModelFitOptions? FitOptions { get; init; }
}
