using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChuyenDe.Tests.Unit.Media;

/// <summary>
/// The start-up clean-up of what a killed run left in the media folder: staged files, health probes and derivatives'
/// temporary files older than the start go, the library's files and derivatives stay; on a shared media root only
/// leftovers untouched for an hour go.
/// </summary>
public sealed class MediaStagingCleanupTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 12, 7, 15, 0, 0, DateTimeKind.Utc);
    private readonly string _folder = Directory.CreateTempSubdirectory("chuyende-staging-cleanup-").FullName;

    private sealed class Clock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }

    [Fact]
    public void Own_media_folder_loses_every_leftover_older_than_the_start_and_keeps_the_library()
    {
        var options = new DataOptions { DataFolder = _folder, ConnectionString = "unused" };
        var media = options.MediaFolder;
        var staged = Write(Path.Combine(media, ".staging", "a1b2.tmp"), Start.AddSeconds(-5));
        var nested = Write(Path.Combine(media, ".staging", "x", "c3d4.tmp"), Start.AddDays(-3));
        var probe = Write(Path.Combine(media, ".health-42-ab"), Start.AddMinutes(-1));
        var library = Write(Path.Combine(media, "u", "phong-quan-1", "2026", "12", "ke-hoach.docx"), Start.AddDays(-3));
        var hidden = Write(Path.Combine(media, ".giu-lai"), Start.AddDays(-3));
        var fresh = Write(Path.Combine(media, ".staging", "dang-ghi.tmp"), Start.AddSeconds(1));
        var derivativeTemp = Write(Path.Combine(media, ".derivatives", "small", "webp", "mau", ".e5f6.tmp"), Start.AddMinutes(-2));
        var derivative = Write(Path.Combine(media, ".derivatives", "small", "webp", "mau", "lop-hoc.jpg.webp"), Start.AddDays(-3));

        Assert.Equal(4, Cleanup(options).Clean());

        Assert.False(File.Exists(staged));
        Assert.False(File.Exists(nested));
        Assert.False(File.Exists(probe));
        Assert.True(File.Exists(library));
        Assert.True(File.Exists(hidden));
        Assert.False(File.Exists(derivativeTemp));
        Assert.True(File.Exists(derivative));
        Assert.True(File.Exists(fresh), "A file written after the start belongs to a request of this run.");
    }

    [Fact]
    public void A_shared_media_root_loses_only_leftovers_untouched_for_an_hour()
    {
        var root = Path.Combine(_folder, "shared");
        var options = new DataOptions { DataFolder = Path.Combine(_folder, "node"), ConnectionString = "unused", MediaRoot = root };
        var old = Write(Path.Combine(root, ".staging", "cu.tmp"), Start - MediaStagingCleanup.SharedRootGrace - TimeSpan.FromSeconds(1));
        var oldProbe = Write(Path.Combine(root, ".health-7-cd"), Start.AddHours(-2));
        var otherNode = Write(Path.Combine(root, ".staging", "nut-khac.tmp"), Start.AddMinutes(-10));

        Assert.Equal(2, Cleanup(options).Clean());

        Assert.False(File.Exists(old));
        Assert.False(File.Exists(oldProbe));
        Assert.True(File.Exists(otherNode), "Another node may be writing it right now.");
    }

    [Fact]
    public void No_media_folder_yet_is_nothing_to_clean()
        => Assert.Equal(0, Cleanup(new DataOptions { DataFolder = Path.Combine(_folder, "new"), ConnectionString = "unused" }).Clean());

    private static MediaStagingCleanup Cleanup(DataOptions options)
        => new(options, new Clock(Start), NullLogger<MediaStagingCleanup>.Instance);

    private static string Write(string path, DateTime lastWriteUtc)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
