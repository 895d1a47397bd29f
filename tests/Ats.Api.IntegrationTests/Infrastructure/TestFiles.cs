namespace Ats.Api.IntegrationTests.Infrastructure;

/// <summary>Files from ../shared/testdata/hostile-and-formats beside the repository.</summary>
public static class TestFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ats.sln")))
        {
            dir = dir.Parent;
        }
        var root = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testdata", "hostile-and-formats"));
        return root is not null && Directory.Exists(root)
            ? root
            : throw new InvalidOperationException("../shared/testdata/hostile-and-formats is missing beside the repository.");
    });

    public static string Folder => Root.Value;

    public static string Get(string folder, string file) => Path.Combine(Root.Value, folder, file);
}
