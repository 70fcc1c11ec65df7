using Samples.Common;

namespace Migrations;

/// <summary>
/// The migration report: how customers moved between tiers and segments from one as-of date to another.
/// Run it with <c>dotnet run --project samples/MigrationReport</c> from the repository root; <c>-- --help</c> lists the options.
/// </summary>
public static class Program
{
    /// <summary>Runs the report on the console.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the report, writing the report to <paramref name="stdout"/> and errors and progress to <paramref name="stderr"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Receives the report.</param>
    /// <param name="stderr">Receives errors and, for large files or a terminal, progress.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
        => ProgramShell.Run(
            args,
            stdout,
            stderr,
            ReportOptions.Parse,
            ReportOptions.HelpText,
            (options, terminal) => new MigrationJob(options, stdout, stderr, terminal).Run());
}
