using Samples.Common;

namespace LowValueReview;

/// <summary>
/// The low-value review: who is low value or valueless and why, and who was saved by potential.
/// Run it with <c>dotnet run --project samples/LowValueReview</c> from the repository root; <c>-- --help</c> lists the options.
/// </summary>
public static class Program
{
    /// <summary>Runs the review on the console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the review, writing the report to <paramref name="stdout"/> and errors and progress to <paramref name="stderr"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Receives the report.</param>
    /// <param name="stderr">Receives errors and, for large files or a terminal, progress.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        => ProgramShell.Run(
            args,
            stdout,
            stderr,
            ReviewOptions.Parse,
            ReviewOptions.HelpText,
            (options, terminal) => new Review(options, stdout, stderr, terminal).Run());
}
