using System.Globalization;
using Xunit;
using static CustomerValue.Csv.Tests.CsvInput;

namespace CustomerValue.Csv.Tests;

public sealed class CsvAttributesTests
{
    [Fact]
    public void Read_KnownAttributeHeaders_GetCanonicalNamesAndKinds()
    {
        var import = Attributes(
            "Customer ID,Interactions,Complaints,Satisfaction,Account Manager,Region,Industry,Potential,Notes\n"
            + "C1,12,0,8.5,Ann,North,Retail,0.7,likes calls\n"
            + "C2,3,2,4,Bob,South,Energy,0.1,\n");
        var frame = import.Customers;

        Assert.Equal(["C1", "C2"], frame.CustomerIds);
        Assert.Equal(
            [CsvAttributeNames.Interactions, CsvAttributeNames.Complaints, CsvAttributeNames.Satisfaction, CsvAttributeNames.AccountManager,
             CsvAttributeNames.Region, CsvAttributeNames.Industry, CsvAttributeNames.Potential, "Notes"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal([12.0, 3], frame.GetNumeric(CsvAttributeNames.Interactions).Values.ToArray());
        Assert.Equal([8.5, 4], frame.GetNumeric(CsvAttributeNames.Satisfaction).Values.ToArray());
        Assert.Equal("Bob", frame.GetText(CsvAttributeNames.AccountManager)[1]);
        Assert.Null(frame.GetText("Notes")[1]);
        Assert.Equal(2, import.Report.RowsAccepted);
    }

    [Fact]
    public void Read_SpellingsOfKnownAttributes_MapToTheSameNames()
    {
        var frame = Attributes("client_id,ACCOUNT_MANAGER, Region ,Industry,satisfaction-score,ComplaintS,owner\nC1,Ann,North,Retail,9,1,Bob\n").Customers;

        Assert.Equal(
            [CsvAttributeNames.AccountManager, CsvAttributeNames.Region, CsvAttributeNames.Industry, "satisfaction-score", CsvAttributeNames.Complaints, "owner"],
            frame.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Read_MissingOptionalColumns_FrameHasOnlyThePresentOnes()
    {
        var frame = Attributes("customer_id,region\nC1,North\nC2,\n").Customers;

        Assert.Equal([CsvAttributeNames.Region], frame.Columns.Select(c => c.Name));
        Assert.Equal("North", frame.GetText(CsvAttributeNames.Region)[0]);
        Assert.Null(frame.GetText(CsvAttributeNames.Region)[1]);
    }

    [Fact]
    public void Read_OneNonNumberInAColumn_MakesItText()
    {
        var frame = Attributes("customer_id,score,code\nC1,1.5,7\nC2,,n/a\nC3,-2,8\n").Customers;

        Assert.Equal(ColumnKind.Numeric, frame["score"].Kind);
        Assert.True(double.IsNaN(frame.GetNumeric("score")[1]));
        Assert.Equal(ColumnKind.Text, frame["code"].Kind);
        Assert.Equal(["7", "n/a", "8"], Enumerable.Range(0, 3).Select(i => frame.GetText("code")[i]));
    }

    [Fact]
    public void Read_GermanCulture_ReadsCommaDecimalsAsNumbers()
    {
        var options = new CsvAttributeOptions { Delimiter = ';', Culture = CultureInfo.GetCultureInfo("de-DE") };

        var frame = Attributes("Kunde;Zufriedenheit;Region\nC1;4,5;Nord\nC2;-0,25;Süd\n", options with { CustomerIdColumn = "Kunde" }).Customers;

        Assert.Equal([4.5, -0.25], frame.GetNumeric("Zufriedenheit").Values.ToArray());
        Assert.Equal("Süd", frame.GetText(CsvAttributeNames.Region)[1]);
    }

    [Fact]
    public void Read_ColumnKinds_TypeColumnsByOption()
    {
        var options = new CsvAttributeOptions
        {
            ColumnKinds = new Dictionary<string, ColumnKind> { ["zip"] = ColumnKind.Text, ["Region"] = ColumnKind.Category, ["potential"] = ColumnKind.Numeric },
        };

        var frame = Attributes("customer_id,zip,region,potential\nC1,01234,North,1\nC2,99999,North,\n", options).Customers;

        Assert.Equal("01234", frame.GetText("zip")[0]);
        Assert.Equal(["North"], frame.GetCategory(CsvAttributeNames.Region).Categories);
        Assert.Equal(ColumnKind.Numeric, frame[CsvAttributeNames.Potential].Kind);
    }

    [Fact]
    public void Read_NumericByOptionWithAText_RejectsTheRowInLenientMode()
    {
        var options = new CsvAttributeOptions { Errors = CsvErrorMode.Lenient, ColumnKinds = new Dictionary<string, ColumnKind> { ["complaints"] = ColumnKind.Numeric } };

        var import = Attributes("customer_id,complaints\nC1,1\nC2,many\nC3,0\n", options);

        Assert.Equal(["C1", "C3"], import.Customers.CustomerIds);
        var reject = Assert.Single(import.Report.Rejects);
        Assert.Equal((3L, CsvRejectReason.BadNumber, "complaints", "many"), (reject.LineNumber, reject.Reason, reject.Column, reject.Value));
    }

    [Fact]
    public void Read_NumericByOptionWithAText_ThrowsInStrictMode()
    {
        var options = new CsvAttributeOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["complaints"] = ColumnKind.Numeric } };

        var error = Assert.Throws<CsvImportException>(() => Attributes("customer_id,complaints\nC1,1\nC2,many\n", options));

        Assert.Contains("Line 3, column 'complaints': 'many'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CsvAttributeOptions.Errors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateCustomer_RejectsTheLaterRow()
    {
        var import = Attributes("customer_id,region\nC1,North\nC1,South\n", new CsvAttributeOptions { Errors = CsvErrorMode.Lenient });

        Assert.Equal("North", import.Customers.GetText(CsvAttributeNames.Region)[0]);
        Assert.Equal(CsvRejectReason.DuplicateCustomerId, Assert.Single(import.Report.Rejects).Reason);
    }

    [Fact]
    public void Read_EmptyFileAndHeaderOnly_GiveEmptyFrames()
    {
        Assert.Equal(0, Attributes("").Customers.Count);
        var headerOnly = Attributes("customer_id,region\n").Customers;
        Assert.Equal(0, headerOnly.Count);
        Assert.Equal([CsvAttributeNames.Region], headerOnly.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Read_ColumnKindsNamesAnAbsentColumn_Throws()
    {
        var options = new CsvAttributeOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["tier"] = ColumnKind.Text } };

        var error = Assert.Throws<CsvImportException>(() => Attributes("customer_id,region\nC1,North\n", options));

        Assert.Contains("'tier'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScoreKindByOption_IsRejectedAsAnArgument()
    {
        var options = new CsvAttributeOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["region"] = ColumnKind.Score } };

        Assert.Throws<ArgumentException>(() => Attributes("customer_id,region\nC1,North\n", options));
    }

    [Fact]
    public void Read_TwoHeadersForOneAttribute_Throws()
    {
        var error = Assert.Throws<CsvImportException>(() => Attributes("customer_id,Region,REGION\nC1,North,N\n"));

        Assert.Contains("'Region' and 'REGION'", error.Message, StringComparison.Ordinal);
    }
}
