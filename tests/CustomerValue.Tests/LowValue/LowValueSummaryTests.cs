using Xunit;

namespace CustomerValue.Tests.LowValue;

public sealed class LowValueSummaryTests
{
    [Fact]
    public void Create_Portfolio_CountsValueSharesAndDefaultRecommendations()
    {
        var scored = LowValuePortfolio.Pipeline().Run(LowValuePortfolio.Frame());

        var rows = LowValueSummary.Create(scored).Rows;

        // Total revenue 1000 + 20 + 0 - 10 + 30 + 40 + 500 + 25 = 1605.
        Assert.Equal(["Valuable", "Low value", "Valueless", "Potential", "New"], rows.Select(r => r.Status));
        Assert.Equal([1, 1, 2, 3, 1], rows.Select(r => r.Customers));
        Assert.Equal([1000.0, 20, -10, 95, 500], rows.Select(r => r.Value));
        Assert.Equal([1000 / 1605.0, 20 / 1605.0, -10 / 1605.0, 95 / 1605.0, 500 / 1605.0], rows.Select(r => r.ValueShare));
        Assert.Equal([0.125, 0.125, 0.25, 0.375, 0.125], rows.Select(r => r.CustomerShare));
        Assert.Equal(
            ["Dedicated manager", "Automated / pooled service", "Reactivation campaign or review", "Standard service with growth offers", "Onboarding / standard service"],
            rows.Select(r => r.Recommendation));
    }

    [Fact]
    public void Create_CustomRecommendations_OverrideOnlyTheNamedStatuses()
    {
        var scored = LowValuePortfolio.Pipeline().Run(LowValuePortfolio.Frame());

        var rows = LowValueSummary.Create(scored, ColumnNames.Revenue, new Dictionary<string, string> { ["Low value"] = "Self-service portal" }).Rows;

        Assert.Equal("Self-service portal", rows[1].Recommendation);
        Assert.Equal(LowValueSummary.DefaultRecommendations["Valuable"], rows[0].Recommendation);
    }

    [Fact]
    public void Create_UnknownStatusOrBlankText_Throws()
    {
        var scored = LowValuePortfolio.Pipeline().Run(LowValuePortfolio.Frame());

        var unknown = Assert.Throws<ArgumentException>(() => LowValueSummary.Create(scored, recommendations: new Dictionary<string, string> { ["Gold"] = "x" }));
        var blank = Assert.Throws<ArgumentException>(() => LowValueSummary.Create(scored, recommendations: new Dictionary<string, string> { ["New"] = " " }));

        Assert.Contains("'Gold' names no status; the statuses are: Valuable, Low value, Valueless, Potential, New.", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("The recommendation for 'New' is empty", blank.Message, StringComparison.Ordinal);
    }
}
