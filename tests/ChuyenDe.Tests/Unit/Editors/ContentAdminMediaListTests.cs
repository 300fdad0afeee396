using ChuyenDe.Modules.Data;
using ChuyenDe.Modules.Media;

namespace ChuyenDe.Tests.Unit.Editors;

/// <summary>The media library's file list that the editors' media fields choose from.</summary>
public sealed class ContentAdminMediaListTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chuyende-media-").FullName;

    private FileSystemMediaStore Store => new(new DataOptions { DataFolder = _folder, ConnectionString = "" });

    private void Write(string relative)
    {
        var full = Path.Combine(_folder, "Media", relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, "x");
    }

    [Fact]
    public async Task Lists_relative_paths_in_order_without_staging_or_hidden_files()
    {
        Write("mau/b.jpg");
        Write("mau/a.jpg");
        Write("tai-lieu/2024/sang-kien.pdf");
        Write("goc.png");
        Write(".staging/0123.tmp");
        Write("mau/.DS_Store");

        var files = await Store.ListAsync();

        Assert.Equal(["goc.png", "mau/a.jpg", "mau/b.jpg", "tai-lieu/2024/sang-kien.pdf"], files);
        foreach (var file in files)
        {
            Assert.True(await Store.ExistsAsync(file));
        }
    }

    [Fact]
    public async Task An_absent_media_folder_is_an_empty_library()
    {
        Assert.Empty(await Store.ListAsync());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
