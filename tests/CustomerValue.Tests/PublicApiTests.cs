using System.Reflection;
using System.Xml.Linq;
using Xunit;

namespace CustomerValue.Tests;

/// <summary>Keeps the public surface honest: immutable types have no setters, and every type says whether it is immutable.</summary>
public sealed class PublicApiTests
{
    // The one mutable public type: a single-use builder, by design (as Polly's ResiliencePipelineBuilder).
    private static readonly Type[] Mutable = [typeof(CustomerPipelineBuilder)];

    private static IEnumerable<Type> InstanceTypes() => typeof(CustomerFrame).Assembly.GetExportedTypes()
        .Where(t => !t.IsInterface && !t.IsEnum && !(t.IsAbstract && t.IsSealed) && !typeof(Delegate).IsAssignableFrom(t) && !typeof(Exception).IsAssignableFrom(t));

    [Fact]
    public void PublicTypes_ExceptTheBuilder_HaveNoPublicSetters()
    {
        var setters = InstanceTypes().Except(Mutable)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true } setter
                    && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit"))
                .Select(p => t.Name + "." + p.Name))
            .ToList();

        Assert.Empty(setters);
    }

    [Fact]
    public void PublicTypes_HaveNoPublicMutableFields()
    {
        var fields = InstanceTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly).Select(f => t.Name + "." + f.Name))
            .ToList();

        Assert.Empty(fields);
    }

    [Fact]
    public void PublicTypes_DocumentWhetherTheyAreImmutable()
    {
        var docs = XDocument.Load(Path.ChangeExtension(typeof(CustomerFrame).Assembly.Location, ".xml"));
        var summaries = docs.Descendants("member")
            .Where(m => ((string?)m.Attribute("name"))?.StartsWith("T:", StringComparison.Ordinal) == true)
            .ToDictionary(m => ((string)m.Attribute("name")!)[2..], m => m.Value, StringComparer.Ordinal);

        var undocumented = InstanceTypes()
            .Where(t => !summaries.TryGetValue(t.FullName!, out var text) || !text.Contains("mutable", StringComparison.OrdinalIgnoreCase))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(undocumented);
    }
}
