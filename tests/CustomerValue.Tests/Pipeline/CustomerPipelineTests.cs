using Xunit;

namespace CustomerValue.Tests.Pipeline;

public sealed class CustomerPipelineTests
{
    private static CustomerFrame Population(params double[] revenue)
        => CustomerFrame.Create(
            revenue.Select((_, i) => "C-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)),
            [new NumericColumn(ColumnNames.Revenue, revenue)]);

    [Fact]
    public void Build_StageNeedsUnproducedBuiltInColumn_NamesTheMissingProducer()
    {
        var builder = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", ColumnNames.RecencyScore));

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("Stage 'split' needs the column 'r_score'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddRfmScores()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_StageNeedsUndeclaredAttribute_SaysHowToDeclareIt()
    {
        var builder = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", "margin"));

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("WithInputColumns(\"margin\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DeclaredAttributeAndEarlierProducer_Succeeds()
    {
        var pipeline = new CustomerPipelineBuilder()
            .WithInputColumns("margin")
            .AddStage(new MedianSplitStage("split", "margin"))
            .AddStage(new MedianSplitStage("split2", ColumnNames.Revenue))
            .Build();

        Assert.Equal(["split", "split2"], pipeline.Stages.Select(s => s.Name));
    }

    [Fact]
    public void AddStage_AfterBuild_Throws()
    {
        var builder = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", ColumnNames.Revenue));
        builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.AddStage(new MedianSplitStage("other", ColumnNames.Revenue)));
        Assert.Throws<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void AddStage_DuplicateName_Throws()
    {
        var builder = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", ColumnNames.Revenue));

        Assert.Throws<ArgumentException>(() => builder.AddStage(new MedianSplitStage("split", ColumnNames.Orders)));
    }

    [Fact]
    public void Build_NoStage_Throws()
        => Assert.Throws<InvalidOperationException>(new CustomerPipelineBuilder().Build);

    [Fact]
    public void Fit_EmptyPopulation_Throws()
    {
        var pipeline = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", ColumnNames.Revenue)).Build();

        Assert.Throws<ArgumentException>(() => pipeline.Fit(Population()));
    }

    [Fact]
    public void Fit_PopulationWithoutARequiredColumn_NamesColumnAndStage()
    {
        var pipeline = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", ColumnNames.Orders)).Build();

        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(Population(1, 2)));

        Assert.Contains("no column 'orders', which stage 'split' reads", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_FrozenModelOnNewCustomers_UsesTheFittedParameters()
    {
        var pipeline = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", ColumnNames.Revenue)).Build();
        var model = pipeline.Fit(Population(1, 2, 3, 4, 5));

        var scored = model.Score(Population(2.5, 3, 100));

        Assert.Equal(["low", "high", "high"], Enumerable.Range(0, 3).Select(i => scored.GetCategory("split")[i]));
    }

    [Fact]
    public void Run_EqualsFitThenScore()
    {
        var pipeline = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", ColumnNames.Revenue)).Build();
        var population = Population(5, 1, 4, 2, 3);

        var run = pipeline.Run(population);
        var scored = pipeline.Fit(population).Score(population);

        Assert.Equal(Render(run), Render(scored));
    }

    [Fact]
    public void ToJson_CustomStageWithLoader_RoundTripsAndScoresTheSame()
    {
        var pipeline = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", ColumnNames.Revenue)).Build();
        var model = pipeline.Fit(Population(1, 2, 3, 4, 5));

        var loaded = FittedPipeline.FromJson(model.ToJson(), new Dictionary<string, FittedStageLoader> { [MedianSplitStage.Kind] = MedianSplitStage.Load });

        var population = Population(0, 3, 9);
        Assert.Equal(Render(model.Score(population)), Render(loaded.Score(population)));
        Assert.Equal(model.ToString(), loaded.ToString());
        Assert.Contains("fitted median = 3", loaded.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_UnknownKind_SaysWhichLoaderIsMissing()
    {
        var model = new CustomerPipelineBuilder().AddStage(new MedianSplitStage("split", ColumnNames.Revenue)).Build().Fit(Population(1, 2));

        var error = Assert.Throws<FormatException>(() => FittedPipeline.FromJson(model.ToJson()));

        Assert.Contains("test-median-split", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_NotAPipeline_ThrowsFormatException()
        => Assert.Throws<FormatException>(() => FittedPipeline.FromJson("{\"hello\": 1}"));

    internal static string Render(CustomerFrame frame)
        => string.Join('\n', frame.Rows().Select(r => r.CustomerId + ":" + string.Join(',', frame.Columns.Select(c => c.Name + "=" + c.FormatValue(r.Index)))));
}
