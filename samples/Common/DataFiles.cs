namespace Samples.Common;

/// <summary>Finds the bundled sample exports, so a program runs with no options from the repository root or its build folder.</summary>
public static class DataFiles
{
    /// <summary>Looks for a repository-relative path from the current directory and from the program's folder, walking up.</summary>
    /// <param name="relativePath">The path relative to the repository root, such as samples/data/transactions.csv.</param>
    /// <returns>The full path, or null when neither folder is inside a checkout that has the file.</returns>
    public static string? FindBundled(string relativePath)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>A path as the user should read it: relative to the current directory when inside it, else absolute.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The path to print.</returns>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative;
    }

    /// <summary>Creates the output folder.</summary>
    /// <param name="folder">The folder of the --out option.</param>
    /// <exception cref="UsageException">The folder cannot be created.</exception>
    public static void CreateOutputFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The --out folder '{folder}' cannot be created: {e.Message}", e);
        }
    }
}
