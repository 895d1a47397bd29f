using Ats.Api.Resumes;

namespace Ats.Api.Tests.Resumes;

/// <summary>Spool copies left by killed workers are swept once no claim can still be reading them; nothing else goes.</summary>
public sealed class SpoolSweepTests
{
    [Fact]
    public void Only_spool_copies_older_than_the_limit_are_deleted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ats-sweep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var now = DateTimeOffset.UtcNow;
            string Make(string name, TimeSpan age)
            {
                var path = Path.Combine(folder, name);
                File.WriteAllText(path, "résumé copy");
                File.SetLastWriteTimeUtc(path, (now - age).UtcDateTime);
                return path;
            }
            var abandoned = Make("0192a.3.bin", TimeSpan.FromHours(3));
            var reading = Make("0192b.1.bin", TimeSpan.FromMinutes(2));
            var other = Make("notes.txt", TimeSpan.FromDays(3));

            Assert.Equal(1, ExtractionQueue.SweepSpool(folder, TimeSpan.FromMinutes(4), now));
            Assert.False(File.Exists(abandoned));
            Assert.True(File.Exists(reading));
            Assert.True(File.Exists(other));
            Assert.Equal(0, ExtractionQueue.SweepSpool(Path.Combine(folder, "missing"), TimeSpan.FromMinutes(4), now));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
