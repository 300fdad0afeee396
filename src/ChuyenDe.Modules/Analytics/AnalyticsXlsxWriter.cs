using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChuyenDe.Modules.Analytics;

/// <summary>
/// The tables as an Excel workbook, one sheet per table: the title (what and which period) in row 1, the headers in row 2
/// (frozen), the rows, then the totals row in bold. Counts are numeric cells (#,##0), texts inline strings.
/// </summary>
public static class AnalyticsXlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint Title = 1, Header = 2, Text = 3, Whole = 4, TotalText = 5, TotalWhole = 6;

    public static byte[] Write(string title, IReadOnlyList<AnalyticsTable> tables)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            foreach (var table in tables)
            {
                AddSheet(workbook, sheets, title, table);
            }
        }

        return buffer.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string title, AnalyticsTable table)
    {
        var rows = new List<(IReadOnlyList<object?> Cells, uint TextStyle, uint NumberStyle)>
        {
            ([title + " – " + table.Name], Title, Title),
            (table.Headers.Cast<object?>().ToList(), Header, Header),
        };
        rows.AddRange(table.Rows.Select(r => (r, Text, Whole)));
        rows.Add((table.Totals, TotalText, TotalWhole));

        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var (cells, textStyle, numberStyle) = rows[r];
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = new Cell { CellReference = Reference(c, r) };
                switch (cells[c])
                {
                    case long number:
                        cell.StyleIndex = numberStyle;
                        cell.DataType = CellValues.Number;
                        cell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
                        break;
                    case { } value when value.ToString() is { Length: > 0 } text:
                        cell.StyleIndex = textStyle;
                        cell.DataType = CellValues.InlineString;
                        cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve });
                        break;
                    default:
                        cell.StyleIndex = textStyle;
                        break;
                }

                row.Append(cell);
            }

            data.Append(row);
        }

        var columns = new Columns();
        for (var c = 0; c < table.Headers.Count; c++)
        {
            var width = rows.Skip(1).Select(r => c < r.Cells.Count ? (r.Cells[c]?.ToString()?.Length ?? 0) : 0).DefaultIfEmpty(0).Max();
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(width + 2, 6, 60), CustomWidth = true });
        }

        var view = new SheetView { WorkbookViewId = 0, TabSelected = sheets.ChildElements.Count == 0 };
        view.Append(new Pane { TopLeftCell = "A3", VerticalSplit = 2, State = PaneStateValues.Frozen, ActivePane = PaneValues.BottomLeft });
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new SheetViews(view), columns, data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.ChildElements.Count + 1), Name = table.Name.Length > 31 ? table.Name[..31] : table.Name });
    }

    /// <summary>A1-style reference of a zero-based column and row.</summary>
    private static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + (row + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static Stylesheet Stylesheet()
    {
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Times New Roman" })),
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
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 3, FontId = 1, FillId = 2, BorderId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyFill = true, ApplyBorder = true }),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }
}
