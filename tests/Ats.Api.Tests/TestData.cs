namespace Ats.Api.Tests;

/// <summary>Finds ../shared/testdata beside the repository (CI clones the project next to ../shared).</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ats.sln")))
        {
            dir = dir.Parent;
        }
        if (dir is null)
        {
            throw new InvalidOperationException("Ats.sln not found above " + AppContext.BaseDirectory);
        }
        var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testdata"));
        return Directory.Exists(shared)
            ? shared
            : throw new InvalidOperationException($"Test data folder {shared} is missing: the tests expect ../shared/testdata beside the repository.");
    });

    public static string Get(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static string HostileAndFormats(string folder, string file) => Get("hostile-and-formats", folder, file);
}
