namespace CustomerValue.Samples.Tests;

/// <summary>One lenient run of the job on the bundled exports, shared by the tests that only read its results.</summary>
public sealed class BundledRunFixture : IDisposable
{
    internal JobRun Run { get; } = JobRun.OnBundledData();

    public void Dispose() => Run.Dispose();
}
