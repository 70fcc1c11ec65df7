using Xunit;

namespace CustomerValue.Tests;

public sealed class ReadmeTests
{
    [Fact]
    public void Readme_CodeExample_IsTheCompiledExample()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReadmeExample.cs")).ReplaceLineEndings("\n");
        var region = source[(source.IndexOf("// README:BEGIN\n", StringComparison.Ordinal) + "// README:BEGIN\n".Length)..source.IndexOf("        // README:END", StringComparison.Ordinal)];
        var example = "using CustomerValue;\n\n" + string.Concat(region.Split('\n').Select(line => (line.Length >= 8 ? line[8..] : line.TrimStart()) + "\n"));

        Assert.Equal(example.Trim(), readme[start..end].Trim());
    }

    [Fact]
    public void ReadmeExample_Runs_AndTheSavedModelScoresTheSame()
    {
        var (scored, json) = ReadmeExample.Run();

        Assert.Equal(2, scored.Count);
        var rescored = FittedPipeline.FromJson(json).Score(CustomerFrame.Create(scored.CustomerIds, scored.Columns.Take(12)));
        Assert.Equal(scored.GetCategory(ColumnNames.Segment).Codes.ToArray(), rescored.GetCategory(ColumnNames.Segment).Codes.ToArray());
    }
}
