using Xunit;

namespace CustomerValue.Tests.LowValue;

public sealed class LowValueOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        var o = new LowValueOptions();

        Assert.Equal(("low-value", ColumnNames.Revenue, ColumnNames.Potential, "clv"), (o.Name, o.ValueColumn, o.PotentialColumn, o.PredictedValueColumn));
        Assert.Equal((0.05, 1, 365), (o.BottomValueShare, o.MaxOrders, o.InactiveDays));
        Assert.Null(o.MaxInteractions);
        Assert.Null(o.MinComplaints);
        Assert.Null(o.MaxSatisfaction);
        Assert.Null(o.PredictedValueThreshold);
        Assert.Equal((CriteriaCombination.AtLeast, 2, 90, 0.5), (o.Combination, o.MinimumCriteria, o.NewCustomerDays, o.PotentialThreshold));
    }

    [Fact]
    public void AddLowValueDetection_InvalidOptions_NamesEveryBadOption()
    {
        var options = new LowValueOptions
        {
            Name = "",
            ValueColumn = " ",
            BottomValueShare = 1,
            MaxOrders = -1,
            InactiveDays = -5,
            MaxInteractions = -2,
            MinComplaints = 0,
            MaxSatisfaction = double.NaN,
            PotentialThreshold = double.PositiveInfinity,
            PredictedValueThreshold = double.NegativeInfinity,
            NewCustomerDays = -1,
            MinimumCriteria = 7,
        };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddLowValueDetection(options));

        Assert.StartsWith("Invalid LowValueOptions: ", error.Message, StringComparison.Ordinal);
        foreach (var part in new[]
        {
            "Name must not be empty.", "ValueColumn must not be empty.",
            "BottomValueShare must be strictly between 0 and 1, or null to turn the criterion off; it was 1.",
            "MaxOrders must be >= 0, or null to turn the criterion off; it was -1.",
            "InactiveDays must be >= 0, or null to turn the criterion off; it was -5.",
            "MaxInteractions must be >= 0, or null to turn the criterion off; it was -2.",
            "MinComplaints must be >= 1, or null to turn the criterion off; it was 0.",
            "MaxSatisfaction must be finite, or null to turn it off; it was NaN.",
            "PotentialThreshold must be finite, or null to turn it off; it was Infinity.",
            "PredictedValueThreshold must be finite, or null to turn it off; it was -Infinity.",
            "NewCustomerDays must be >= 0 (0 = nobody is new); it was -1.",
            "MinimumCriteria must be between 1 and the 6 enabled criteria with Combination AtLeast; it was 7.",
        })
        {
            Assert.Contains(part, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddLowValueDetection_NoCriterion_SaysWhichOptionsEnableOne()
    {
        var options = new LowValueOptions { BottomValueShare = null, MaxOrders = null, InactiveDays = null };

        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddLowValueDetection(options));

        Assert.Contains("No criterion is enabled: set at least one of BottomValueShare, MaxOrders", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void AddLowValueDetection_MinimumCriteriaOutsideEnabled_Throws(int minimum)
    {
        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddLowValueDetection(new LowValueOptions { MinimumCriteria = minimum }));

        Assert.Contains($"MinimumCriteria must be between 1 and the 3 enabled criteria with Combination AtLeast; it was {minimum}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLowValueDetection_UndefinedCombination_ListsTheAllowedValues()
    {
        var error = Assert.Throws<ArgumentException>(() => new CustomerPipelineBuilder().AddLowValueDetection(new LowValueOptions { Combination = (CriteriaCombination)9 }));

        Assert.Contains("Combination must be one of All, Any, AtLeast; it was 9.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLowValueDetection_MinimumCriteriaIgnoredWithAny()
    {
        var scored = LowValuePortfolio.Pipeline(new LowValueOptions { Combination = CriteriaCombination.Any, MinimumCriteria = 99 }).Run(LowValuePortfolio.Frame());

        Assert.Equal(8, scored.Count);
    }
}
