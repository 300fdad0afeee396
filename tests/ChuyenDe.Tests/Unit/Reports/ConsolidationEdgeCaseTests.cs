using System.IO.Compression;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static ChuyenDe.Tests.Unit.Reports.ReportsSamples;

namespace ChuyenDe.Tests.Unit.Reports;

/// <summary>Rounds with nothing in them, and data that was never validated, still export instead of failing.</summary>
public sealed class ConsolidationEdgeCaseTests
{
    public static TheoryData<string> Cases() => ["empty", "no-indicators", "unvalidated"];

    private static ConsolidationInput Case(string name) => name switch
    {
        "empty" => new ConsolidationInput(),
        "no-indicators" => Input() with { Indicators = [] },
        _ => Input() with
        {
            RoundTitle = "",
            Indicators =
            [
                Whole("so-lop", ""), Whole("so-lop", "Số lớp (lặp mã)"),
                Percent("ty-le", "Tỷ lệ", AddUpRule.WeightedShare, "khong-co"),
                Text("ghi-chu", "Ghi chú") with { AddUp = AddUpRule.Sum },
            ],
            Units = [new ConsolidationUnit { Key = "x", Name = "", GroupKey = "g", Values = Values(("so-lop", "không phải số"), ("ty-le", "50")) }],
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_writer_makes_a_valid_file(string name)
    {
        var input = Case(name);

        using (var xlsx = new MemoryStream())
        {
            new ConsolidationXlsxWriter(Localizer<ConsolidationResources>()).Write(input, xlsx);
            xlsx.Position = 0;
            using var document = SpreadsheetDocument.Open(xlsx, false);
            Assert.Empty(new OpenXmlValidator().Validate(document));
        }

        using (var docx = new MemoryStream())
        {
            new ConsolidationDocxWriter(Localizer<ConsolidationResources>()).Write(input, docx);
            docx.Position = 0;
            using var document = WordprocessingDocument.Open(docx, false);
            Assert.Empty(new OpenXmlValidator().Validate(document));
        }

        var rows = CsvReader.Parse(new ConsolidationCsvWriter(Localizer<ConsolidationResources>()).Text(input));
        Assert.Equal(input.Units.Count + 2, rows.Count);
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
    }

    [Fact]
    public async Task A_nomination_without_unit_name_or_file_name_still_gets_a_folder_and_a_name()
    {
        using var stream = new MemoryStream();
        await new NominationsZipWriter(Localizer<ConsolidationResources>()).WriteAsync(
            [new Nomination { UnitKey = "pgd-x", Name = "A", Files = [NominationFile.FromBytes("  ", [1])] }], stream);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        Assert.Equal(["01 - pgd-x/tep", NominationsZipWriter.IndexFileName], zip.Entries.Select(e => e.FullName));
    }
}
