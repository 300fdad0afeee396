using System.Globalization;
using ChuyenDe.Modules.Reports.Consolidation;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// A statistics table as an Excel workbook, the way the consolidation writes its sheets
/// (<see cref="ConsolidationXlsxWriter"/>): one sheet named after the table, its title in row 1, the header in row 2
/// (frozen with the first column), one row per row of the table, the totals row in bold, then the note on how it was
/// counted. Figures are numeric cells (whole numbers #,##0, others #,##0.0), no figure is an empty cell; texts are
/// inline strings.
/// </summary>
public sealed class StatisticsXlsxWriter
{
    public const string ContentType = ConsolidationXlsxWriter.ContentType;

    private const uint Title = 1, Header = 2, Text = 3, Whole = 4, Fraction = 5, TotalText = 6, TotalWhole = 7, TotalFraction = 8, NoteText = 9;

    public byte[] Write(StatisticsTable table)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var part = workbookPart.AddNewPart<WorksheetPart>();

            var rows = new List<List<Cell>> { new() { Str(table.Title, Title) } };
            rows.Add([Str(table.RowHeading, Header), .. table.Columns.Select(c => Str(c, Header))]);
            foreach (var r in table.Rows)
            {
                rows.Add([Str(r.Label, Text), .. r.Values.Select(v => Number(v, table.Fractional ? Fraction : Whole))]);
            }

            if (table.Totals is { } totals)
            {
                rows.Add([Str(totals.Label, TotalText), .. totals.Values.Select(v => Number(v, table.Fractional ? TotalFraction : TotalWhole))]);
            }

            if (table.Note is { Length: > 0 } note)
            {
                rows.Add([]);
                rows.Add([Str(note, NoteText)]);
            }

            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Count; c++)
                {
                    rows[r][c].CellReference = ConsolidationXlsxWriter.Reference(c, r);
                    row.Append(rows[r][c]);
                }

                data.Append(row);
            }

            var firstWidth = Math.Clamp(Math.Max(table.RowHeading.Length, table.Rows.Select(r => r.Label.Length).DefaultIfEmpty(0).Max()) + 2, 12, 60);
            var columns = new Columns(new Column { Min = 1, Max = 1, Width = firstWidth, CustomWidth = true });
            for (var c = 0; c < table.Columns.Count; c++)
            {
                columns.Append(new Column { Min = (uint)(c + 2), Max = (uint)(c + 2), Width = Math.Clamp(Math.Min(table.Columns[c].Length, 24) + 2, 8, 28), CustomWidth = true });
            }

            var pane = new Pane
            {
                TopLeftCell = ConsolidationXlsxWriter.Reference(1, 2),
                VerticalSplit = 2,
                HorizontalSplit = 1,
                State = PaneStateValues.Frozen,
                ActivePane = PaneValues.BottomRight,
            };
            part.Worksheet = new Worksheet(new SheetViews(new SheetView(pane) { WorkbookViewId = 0, TabSelected = true }), columns, data);
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(part),
                SheetId = 1,
                Name = ConsolidationXlsxWriter.SheetName(table.Title, new HashSet<string>(StringComparer.OrdinalIgnoreCase)),
            });
        }

        return buffer.ToArray();
    }

    private static Cell Str(string? text, uint style)
    {
        var cell = new Cell { StyleIndex = style };
        if (!string.IsNullOrEmpty(text))
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }

        return cell;
    }

    private static Cell Number(decimal? value, uint style)
    {
        var cell = new Cell { StyleIndex = style };
        if (value is { } number)
        {
            cell.DataType = CellValues.Number;
            cell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
        }

        return cell;
    }

    private static Stylesheet Stylesheet()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.0" }) { Count = 1 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Times New Roman" }),
                new Font(new Italic(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" })),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7EEF7" }) { PatternType = PatternValues.Solid })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 2, FillId = 0, BorderId = 0, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center })
                    { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat { NumberFormatId = 3, FontId = 0, FillId = 0, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 3, FontId = 1, FillId = 2, BorderId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 164, FontId = 1, FillId = 2, BorderId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 0, FontId = 3, FillId = 0, BorderId = 0, ApplyFont = true }),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
