using System.Globalization;
using System.Text.Json;
using CustomerValue.Internal;
using CustomerValue.Models;

namespace CustomerValue.Clv;

/// <summary>
/// The CLV stage: fits (or takes) a purchase model and a Gamma-Gamma spend model on the model summary, then adds
/// P(alive), expected purchases, expected spend and discounted CLV per customer. Fitted models are immutable.
/// </summary>
internal sealed class ClvStage : ICustomerStage
{
    public const string StageKind = "clv";

    internal static readonly string[] Inputs = [ColumnNames.ModelFrequency, ColumnNames.ModelRecency, ColumnNames.ModelT, ColumnNames.ModelMonetary];
    internal static readonly string[] Outputs = [ColumnNames.ProbabilityAlive, ColumnNames.ExpectedPurchases, ColumnNames.ExpectedSpend, ColumnNames.Clv];

    private readonly ClvStageOptions _options;

    public ClvStage(ClvStageOptions options) => _options = options;

    public string Name => _options.Name;

    public IReadOnlyList<string> RequiredColumns => Inputs;

    public IReadOnlyList<string> ProducedColumns => Outputs;

    public IFittedCustomerStage Fit(CustomerFrame population)
    {
        var (x, tx, t, m) = Read(population);
        var fit = _options.FitOptions ?? ModelFitOptions.Default;
        var purchases = _options.PurchaseModel ?? NamingTheCustomer(population, () => _options.Model switch
        {
            PurchaseModelKind.MbgNbd => (PurchaseModel)MbgNbdModel.Fit(x.Values, tx.Values, t.Values, default, _options.SummaryUnit, fit),
            PurchaseModelKind.ParetoNbd => ParetoNbdModel.Fit(x.Values, tx.Values, t.Values, default, _options.SummaryUnit, fit),
            _ => BgNbdModel.Fit(x.Values, tx.Values, t.Values, default, _options.SummaryUnit, fit),
        });
        var spend = _options.SpendModel ?? NamingTheCustomer(population, () => GammaGammaModel.Fit(x.Values, m.Values, default, fit));
        return new FittedClvStage(Name, _options.SummaryUnit, _options.Horizon, _options.DiscountRate, purchases, spend);
    }

    internal static (NumericColumn X, NumericColumn Tx, NumericColumn T, NumericColumn M) Read(CustomerFrame population)
        => (population.GetNumeric(ColumnNames.ModelFrequency), population.GetNumeric(ColumnNames.ModelRecency),
            population.GetNumeric(ColumnNames.ModelT), population.GetNumeric(ColumnNames.ModelMonetary));

    // The models name rows by index ("Row 12: ..."); callers know customers by id, so say which customer that is.
    internal static T NamingTheCustomer<T>(CustomerFrame population, Func<T> fit)
    {
        try
        {
            return fit();
        }
        catch (ArgumentException e) when (e.Message.StartsWith("Row ", StringComparison.Ordinal)
            && int.TryParse(e.Message.AsSpan(4, e.Message.IndexOf(':', StringComparison.Ordinal) - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            && row >= 0 && row < population.Count)
        {
            throw new ArgumentException(Guard.Invariant($"Customer '{population.CustomerIds[row]}': {e.Message}"), nameof(population), e);
        }
    }
}

/// <summary>The fitted CLV stage: frozen purchase and spend models. Immutable and thread-safe.</summary>
internal sealed class FittedClvStage(string name, ModelTimeUnit summaryUnit, Horizon horizon, DiscountRate discountRate, PurchaseModel purchases, GammaGammaModel spend)
    : IFittedCustomerStage
{
    public string Name { get; } = name;

    public string Kind => ClvStage.StageKind;

    public IReadOnlyList<string> ProducedColumns => ClvStage.Outputs;

    public PurchaseModel Purchases { get; } = purchases;

    public GammaGammaModel Spend { get; } = spend;

    public IReadOnlyList<FrameColumn> Score(CustomerFrame population)
    {
        var (x, tx, t, m) = ClvStage.Read(population);
        var n = population.Count;
        var alive = new double[n];
        var expected = new double[n];
        var averageSpend = new double[n];
        var clv = new double[n];

        // The model works in its own unit; the summary columns are in summaryUnit, so convert when they differ.
        var ratio = summaryUnit == Purchases.TimeUnit ? 1.0 : new Horizon(1, summaryUnit).In(Purchases.TimeUnit);
        var recencyInModelUnit = ratio == 1.0 ? null : Scale(tx.Values, ratio);
        var ageInModelUnit = ratio == 1.0 ? null : Scale(t.Values, ratio);
        ClvStage.NamingTheCustomer(population, () =>
        {
            ReadOnlySpan<double> recency = recencyInModelUnit is null ? tx.Values : recencyInModelUnit;
            ReadOnlySpan<double> age = ageInModelUnit is null ? t.Values : ageInModelUnit;
            Purchases.PredictInto(x.Values, recency, age, horizon, alive, expected);
            Spend.ExpectedAverageSpendInto(x.Values, m.Values, averageSpend);
            CustomerLifetimeValue.ComputeInto(Purchases, x.Values, recency, age, averageSpend, new ClvOptions(horizon, discountRate), clv);
            return 0;
        });

        return
        [
            new NumericColumn(ColumnNames.ProbabilityAlive, alive, owned: true),
            new NumericColumn(ColumnNames.ExpectedPurchases, expected, owned: true),
            new NumericColumn(ColumnNames.ExpectedSpend, averageSpend, owned: true),
            new NumericColumn(ColumnNames.Clv, clv, owned: true),
        ];
    }

    public StageDescription Describe()
        => new(
            Name,
            Kind,
            [
                new("purchase model", KindOf(Purchases).ToString()),
                new("summary unit", summaryUnit.ToString()),
                new("model unit", Purchases.TimeUnit.ToString()),
                new("horizon", Guard.Invariant($"{horizon.Value} {horizon.Unit}")),
                new("discount rate", Guard.Invariant($"{discountRate.Rate} per {discountRate.Unit}")),
            ],
            [
                .. Purchases.Parameters.Select(p => new KeyValuePair<string, string>(p.Name, Guard.Invariant($"{p.Value:R} (se {p.StandardError:G4})"))),
                .. Spend.Parameters.Select(p => new KeyValuePair<string, string>("spend " + p.Name, Guard.Invariant($"{p.Value:R} (se {p.StandardError:G4})"))),
                .. Purchases.Diagnostics is { } d ? new[] { new KeyValuePair<string, string>("log-likelihood", Guard.Invariant($"{d.LogLikelihood:R}")) } : [],
            ]);

    public void WriteState(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("model", KindOf(Purchases).ToString());
        writer.WriteString("modelUnit", Purchases.TimeUnit.ToString());
        writer.WriteString("summaryUnit", summaryUnit.ToString());
        writer.WriteNumber("horizon", horizon.Value);
        writer.WriteString("horizonUnit", horizon.Unit.ToString());
        writer.WriteNumber("discountRate", discountRate.Rate);
        writer.WriteString("discountRateUnit", discountRate.Unit.ToString());
        JsonState.WriteNumbers(writer, "parameters", Purchases.Parameters.Select(p => p.Value));
        JsonState.WriteNumbers(writer, "spend", [Spend.P, Spend.Q, Spend.V]);
        writer.WriteEndObject();
    }

    public static IFittedCustomerStage Load(string name, JsonElement state)
    {
        var unit = Enum.Parse<ModelTimeUnit>(state.GetProperty("modelUnit").GetString()!);
        var p = state.GetProperty("parameters").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        PurchaseModel purchases = Enum.Parse<PurchaseModelKind>(state.GetProperty("model").GetString()!) switch
        {
            PurchaseModelKind.MbgNbd => new MbgNbdModel(p[0], p[1], p[2], p[3], unit),
            PurchaseModelKind.ParetoNbd => new ParetoNbdModel(p[0], p[1], p[2], p[3], unit),
            _ => new BgNbdModel(p[0], p[1], p[2], p[3], unit),
        };
        var s = state.GetProperty("spend").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return new FittedClvStage(
            name,
            Enum.Parse<ModelTimeUnit>(state.GetProperty("summaryUnit").GetString()!),
            new Horizon(state.GetProperty("horizon").GetDouble(), Enum.Parse<ModelTimeUnit>(state.GetProperty("horizonUnit").GetString()!)),
            new DiscountRate(state.GetProperty("discountRate").GetDouble(), Enum.Parse<ModelTimeUnit>(state.GetProperty("discountRateUnit").GetString()!)),
            purchases,
            new GammaGammaModel(s[0], s[1], s[2]));
    }

    private static PurchaseModelKind KindOf(PurchaseModel model) => model switch
    {
        MbgNbdModel => PurchaseModelKind.MbgNbd,
        ParetoNbdModel => PurchaseModelKind.ParetoNbd,
        _ => PurchaseModelKind.BgNbd,
    };

    private static double[] Scale(ReadOnlySpan<double> values, double ratio)
    {
        var scaled = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scaled[i] = values[i] * ratio;
        }

        return scaled;
    }
}
