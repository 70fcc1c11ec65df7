using Xunit;

namespace CustomerValue.Tests.Priority;

public sealed class PriorityOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        var o = new PriorityOptions();

        Assert.Equal(("priority", ColumnNames.Revenue, ColumnNames.Complaints, ColumnNames.Satisfaction, "p_alive"), (o.Name, o.ValueColumn, o.ComplaintsColumn, o.SatisfactionColumn, o.PAliveColumn));
        Assert.Equal((0.5, 0.5), (o.ImportanceWeight, o.UrgencyWeight));
        Assert.Equal((0.4, 0.2, 0.2, 0.2), (o.OverdueWeight, o.ComplaintsWeight, o.SatisfactionWeight, o.PAliveWeight));
        Assert.Equal((3.0, 3.0, 7.0, 0.0), (o.OverdueSaturation, o.ComplaintSaturation, o.SatisfactionThreshold, o.SatisfactionFloor));
        Assert.Equal((0.5, 0.5, 0.1), (o.ImportanceThreshold, o.UrgencyThreshold, o.ReasonThreshold));
    }

    [Fact]
    public void AddPriority_InvalidOptions_NamesEveryBadOption()
    {
        var options = new PriorityOptions
        {
            Name = " ",
            ValueColumn = "",
            ImportanceWeight = -1,
            UrgencyWeight = double.NaN,
            OverdueWeight = double.PositiveInfinity,
            OverdueSaturation = 1,
            ComplaintSaturation = 0,
            SatisfactionThreshold = 3,
            SatisfactionFloor = 3,
            ImportanceThreshold = 1.5,
            UrgencyThreshold = -0.1,
            ReasonThreshold = double.NaN,
        };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddPriority(options));

        Assert.StartsWith("Invalid PriorityOptions: ", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
        foreach (var part in new[]
        {
            "Name must not be empty.", "ValueColumn must not be empty.",
            "ImportanceWeight must be finite and >= 0; it was -1.", "UrgencyWeight must be finite and >= 0; it was NaN.",
            "At least one of ImportanceWeight and UrgencyWeight must be positive.",
            "OverdueWeight must be finite and >= 0; it was Infinity.",
            "OverdueSaturation must be finite and > 1; it was 1.", "ComplaintSaturation must be finite and > 0; it was 0.",
            "SatisfactionThreshold must be finite and > SatisfactionFloor (3); it was 3.",
            "ImportanceThreshold must be between 0 and 1; it was 1.5.", "UrgencyThreshold must be between 0 and 1; it was -0.1.",
            "ReasonThreshold must be between 0 and 1; it was NaN.",
        })
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddPriority_AllFactorWeightsZero_Throws()
    {
        var options = new PriorityOptions { OverdueWeight = 0, ComplaintsWeight = 0, SatisfactionWeight = 0, PAliveWeight = 0 };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddPriority(options));

        Assert.Contains("At least one of OverdueWeight, ComplaintsWeight, SatisfactionWeight and PAliveWeight must be positive.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.0)]
    public void AddPriority_BoundaryValues_Accepted(double threshold, double weight)
    {
        var options = new PriorityOptions { ImportanceThreshold = threshold, UrgencyThreshold = threshold, ReasonThreshold = threshold, ImportanceWeight = weight, UrgencyWeight = 1 - weight, SatisfactionFloor = -5 };

        var scored = PriorityPortfolio.Pipeline(options).Run(PriorityPortfolio.Frame());

        Assert.Equal(6, scored.Count);
    }
}
