using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports.Consolidation;

/// <summary>
/// The commendation nominations of a round as a ZIP: a folder per unit ("01 - Phòng GD&amp;ĐT Lạc Sơn/", numbered in the
/// order of the units' first nomination) holding its nominations' files, and at the root <see cref="IndexFileName"/>,
/// a CSV (as <see cref="ConsolidationCsvWriter"/> writes it) listing every nomination: number, unit, collective or
/// individual, name, position, organisation, and the paths of its files in the ZIP. Names are kept in Vietnamese
/// (UTF-8 entry names); characters that file systems refuse become dashes, and a repeated name in a folder gets " (2)".
/// </summary>
public sealed class NominationsZipWriter(IStringLocalizer<ConsolidationResources> t)
{
    public const string ContentType = "application/zip";

    public const string IndexFileName = "danh-sach-de-nghi-khen-thuong.csv";

    /// <summary>
    /// Writes the ZIP. It is built in memory and then copied, so <paramref name="output"/> may be a response body that
    /// allows only asynchronous writes.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<Nomination> nominations, Stream output, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            var index = new StringBuilder();
            index.Append(ConsolidationCsvWriter.Line([t["No."], t["Unit"], t["Collective or individual"], t["Name"], t["Position"], t["Organisation"], t["Files"]]));

            var folders = new Dictionary<string, string>(StringComparer.Ordinal);
            var namesInFolder = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            for (var n = 0; n < nominations.Count; n++)
            {
                var nomination = nominations[n];
                if (!folders.TryGetValue(nomination.UnitKey, out var folder))
                {
                    folder = $"{(folders.Count + 1).ToString("00", CultureInfo.InvariantCulture)} - {SafeName(string.IsNullOrWhiteSpace(nomination.UnitName) ? nomination.UnitKey : nomination.UnitName, 80)}";
                    folders[nomination.UnitKey] = folder;
                    namesInFolder[folder] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                var paths = new List<string>();
                foreach (var file in nomination.Files)
                {
                    var name = Unique(SafeName(file.FileName, 120), namesInFolder[folder]);
                    var path = folder + "/" + name;
                    var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
                    await using (var source = await file.Open(cancellationToken))
                    await using (var target = entry.Open())
                    {
                        await source.CopyToAsync(target, cancellationToken);
                    }

                    paths.Add(path);
                }

                index.Append(ConsolidationCsvWriter.Line(
                [
                    (n + 1).ToString(CultureInfo.InvariantCulture),
                    ConsolidationCsvWriter.Safe(nomination.UnitName),
                    nomination.Kind == NominationKind.Collective ? t["Collective"] : t["Individual"],
                    ConsolidationCsvWriter.Safe(nomination.Name),
                    ConsolidationCsvWriter.Safe(nomination.Position),
                    ConsolidationCsvWriter.Safe(nomination.Kind == NominationKind.Collective ? nomination.Organisation ?? nomination.Name : nomination.Organisation),
                    ConsolidationCsvWriter.Safe(string.Join("; ", paths)),
                ]));
            }

            var indexEntry = archive.CreateEntry(IndexFileName, CompressionLevel.Optimal);
            await using var indexStream = indexEntry.Open();
            var bytes = ConsolidationCsvWriter.Encoding.GetPreamble().Concat(ConsolidationCsvWriter.Encoding.GetBytes(index.ToString())).ToArray();
            await indexStream.WriteAsync(bytes, cancellationToken);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    /// <summary>
    /// A file or folder name safe on Windows, macOS and Linux: no path separators, no &lt; &gt; : " | ? * or control
    /// characters, no leading or trailing dots and spaces, not empty, at most <paramref name="maxLength"/> characters
    /// (the extension kept).
    /// </summary>
    public static string SafeName(string? name, int maxLength)
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) || c is '/' or '\\' or '<' or '>' or ':' or '"' or '|' or '?' or '*' ? '-' : c);
        }

        var clean = builder.ToString().Trim().Trim('.').Trim();
        if (clean.Length == 0)
        {
            clean = "tep";
        }

        if (clean.Length > maxLength)
        {
            var extension = Path.GetExtension(clean);
            extension = extension.Length is > 0 and <= 10 ? extension : "";
            clean = clean[..(maxLength - extension.Length)].TrimEnd() + extension;
        }

        return clean;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{stem} ({n.ToString(CultureInfo.InvariantCulture)}){extension}";
        }

        return candidate;
    }
}
