namespace Samples.Common;

/// <summary>What <see cref="ProgramShell"/> needs to know of a program's parsed command line.</summary>
public interface IProgramOptions
{
    /// <summary>Gets whether --help was given: the program prints its help and does nothing else.</summary>
    bool Help { get; }
}
