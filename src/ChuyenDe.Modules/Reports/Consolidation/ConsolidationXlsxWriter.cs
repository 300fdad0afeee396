using System.Globalization;
using ChuyenDe.Modules.Reports.Indicators;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports.Consolidation;

/// <summary>
/// The consolidation as an Excel workbook, one sheet per level: the units (e.g. "Trường", one row each with its
/// values), the groups when the units have any (e.g. "Phòng GD&amp;ĐT", each group's figures) and "Tổng hợp" (one row per
/// indicator: rule, figure, how many units gave figures). Each of the first two has the round's title in row 1, a
/// header in row 2 (frozen with the name columns), then the rows, a totals row added up by each indicator's rule, the
/// rule in words and the number of units that gave figures. Numbers are numeric cells (whole numbers formatted
/// #,##0, others #,##0.00, percentages as the number 93.1 shown as the page shows it, 93,1% or 100%); yes/no are Có/Không; texts are inline strings.
/// </summary>
public sealed class ConsolidationXlsxWriter(IStringLocalizer<ConsolidationResources> t)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell formats of the stylesheet below.
    private const uint Title = 1, Header = 2, Text = 3, Whole = 4, Fraction = 5, TotalText = 6, TotalWhole = 7, TotalFraction = 8, Percent = 9, TotalPercent = 10;

    /// <summary>
    /// The custom number format of percentages: the value as stored (93.1, not 0.931) with as many decimals as it has
    /// and a % sign after it, so 100 shows 100% and 93.1 shows 93,1% (decimal comma in a Vietnamese Excel), as on the page.
    /// </summary>
    public const string PercentFormat = "General\"%\"";

    private const uint PercentFormatId = 164;

    public async Task WriteAsync(ConsolidationInput input, Stream output, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        Write(input, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    public void Write(ConsolidationInput input, Stream output)
    {
        var table = new ConsolidationTable(input, t);
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            AddSheet(workbookPart, sheets, names, table.UnitLevelName, UnitsSheet(table), frozenRows: 2, frozenColumns: table.IsGrouped ? 3 : 2);
            if (table.IsGrouped)
            {
                AddSheet(workbookPart, sheets, names, table.GroupLevelName, GroupsSheet(table), frozenRows: 2, frozenColumns: 2);
            }

            AddSheet(workbookPart, sheets, names, table.OverallName, OverallSheet(table), frozenRows: 2, frozenColumns: 0);
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private List<List<XCell>> UnitsSheet(ConsolidationTable table)
    {
        var rows = new List<List<XCell>> { TitleRow(table) };
        var header = new List<XCell> { XCell.Head(t["No."]), XCell.Head(table.UnitLevelName) };
        if (table.IsGrouped)
        {
            header.Add(XCell.Head(table.GroupLevelName));
        }

        header.AddRange(table.Indicators.Select(i => XCell.Head(ConsolidationTable.Heading(i))));
        rows.Add(header);

        var units = table.IsGrouped ? table.Groups.SelectMany(g => g.Units.Select(u => (Unit: u, Group: g.Name))).ToList() : table.Input.Units.Select(u => (Unit: u, Group: "")).ToList();
        for (var index = 0; index < units.Count; index++)
        {
            var (unit, group) = units[index];
            var row = new List<XCell> { XCell.Number(index + 1, Whole), XCell.Str(unit.Name, Text) };
            if (table.IsGrouped)
            {
                row.Add(XCell.Str(group, Text));
            }

            foreach (var indicator in table.Indicators)
            {
                row.Add(ConsolidationTable.NumberOf(indicator, unit) is { } number
                    ? XCell.Number(number, indicator.Kind switch { IndicatorKind.WholeNumber => Whole, IndicatorKind.Percentage => Percent, _ => Fraction })
                    : XCell.Str(table.TextOf(indicator, unit), Text));
            }

            rows.Add(row);
        }

        var lead = table.IsGrouped ? 3 : 2;
        rows.AddRange(FooterRows(table, table.Indicators, table.Overall, lead));
        return rows;
    }

    private List<List<XCell>> GroupsSheet(ConsolidationTable table)
    {
        var indicators = table.AddedUpIndicators;
        var rows = new List<List<XCell>> { TitleRow(table) };
        var header = new List<XCell> { XCell.Head(t["No."]), XCell.Head(table.GroupLevelName), XCell.Head(t["Units asked"]) };
        header.AddRange(indicators.Select(i => XCell.Head(ConsolidationTable.Heading(i))));
        rows.Add(header);
        for (var index = 0; index < table.Groups.Count; index++)
        {
            var group = table.Groups[index];
            var row = new List<XCell> { XCell.Number(index + 1, Whole), XCell.Str(group.Name, Text), XCell.Number(group.Units.Count, Whole) };
            row.AddRange(indicators.Select(i => FigureCell(i, group.Figures[i.Key], bold: false)));
            rows.Add(row);
        }

        var footer = FooterRows(table, indicators, table.Overall, 2);
        footer[0].Insert(2, XCell.Number(table.Input.Units.Count, TotalWhole));
        footer[1].Insert(2, XCell.Str(null, Text));
        footer[2].Insert(2, XCell.Str(null, Text));
        rows.AddRange(footer);
        return rows;
    }

    private List<List<XCell>> OverallSheet(ConsolidationTable table)
    {
        var rows = new List<List<XCell>>
        {
            TitleRow(table),
            new()
            {
                XCell.Head(t["No."]), XCell.Head(t["Indicator"]), XCell.Head(t["Unit of measure"]), XCell.Head(t["How it adds up"]),
                XCell.Head(t["Result"]), XCell.Head(t["Units with figures"]), XCell.Head(t["Units asked"]),
            },
        };
        for (var index = 0; index < table.Indicators.Count; index++)
        {
            var indicator = table.Indicators[index];
            var figure = table.Overall[indicator.Key];
            rows.Add(
            [
                XCell.Number(index + 1, Whole), XCell.Str(string.IsNullOrWhiteSpace(indicator.Name) ? indicator.Key : indicator.Name, Text),
                XCell.Str(indicator.Unit, Text), XCell.Str(table.RuleName(indicator), Text), FigureCell(indicator, figure, bold: false),
                XCell.Number(figure.Contributors, Whole), XCell.Number(figure.Units, Whole),
            ]);
        }

        return rows;
    }

    private List<XCell> TitleRow(ConsolidationTable table) => [XCell.Str(table.Input.RoundTitle, Title)];

    /// <summary>The totals row, the rules row and the contributors row, under <paramref name="lead"/> label columns.</summary>
    private List<List<XCell>> FooterRows(ConsolidationTable table, IReadOnlyList<IndicatorDefinition> indicators, IReadOnlyDictionary<string, AddedUpFigure> figures, int lead)
    {
        List<XCell> Start(string label)
        {
            var row = new List<XCell> { XCell.Str(null, TotalText), XCell.Str(label, TotalText) };
            row.AddRange(Enumerable.Range(2, lead - 2).Select(_ => XCell.Str(null, TotalText)));
            return row;
        }

        var totals = Start(table.OverallName);
        var rules = Start(t["How it adds up"]);
        var counts = Start(t["Units with figures"]);
        foreach (var indicator in indicators)
        {
            var figure = figures[indicator.Key];
            totals.Add(ConsolidationTable.HasFigure(indicator) ? FigureCell(indicator, figure, bold: true) : XCell.Str(null, TotalText));
            rules.Add(XCell.Str(table.RuleName(indicator), Text));
            counts.Add(XCell.Number(figure.Contributors, Whole));
        }

        return [totals, rules, counts];
    }

    private static XCell FigureCell(IndicatorDefinition indicator, AddedUpFigure figure, bool bold)
    {
        if (figure.Value is not { } value || !ConsolidationTable.HasFigure(indicator))
        {
            return XCell.Str(null, bold ? TotalText : Text);
        }

        var whole = figure.Rule == AddUpRule.Sum && indicator.Kind is IndicatorKind.WholeNumber or IndicatorKind.YesNo;
        if (whole)
        {
            return XCell.Number(value, bold ? TotalWhole : Whole);
        }

        // An average or a weighted share of percentages is a percentage too.
        return indicator.Kind == IndicatorKind.Percentage
            ? XCell.Number(value, bold ? TotalPercent : Percent)
            : XCell.Number(value, bold ? TotalFraction : Fraction);
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, HashSet<string> names, string name, List<List<XCell>> rows, int frozenRows, int frozenColumns)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var columnCount = rows.Max(r => r.Count);
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                var cell = rows[r][c].ToCell();
                cell.CellReference = Reference(c, r);
                row.Append(cell);
            }

            data.Append(row);
        }

        var columns = new Columns();
        for (var c = 0; c < columnCount; c++)
        {
            // Row 1 is the title, which may overflow; the header counts, wrapped, up to 24 characters.
            var width = rows.Skip(1).Select(r => c < r.Count ? r[c].Width(r == rows[1]) : 0).DefaultIfEmpty(0).Max();
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(width + 2, 6, 60), CustomWidth = true });
        }

        var view = new SheetView { WorkbookViewId = 0, TabSelected = sheets.ChildElements.Count == 0 };
        if (frozenRows > 0 || frozenColumns > 0)
        {
            var pane = new Pane { TopLeftCell = Reference(frozenColumns, frozenRows), State = PaneStateValues.Frozen };
            if (frozenRows > 0)
            {
                pane.VerticalSplit = frozenRows;
            }

            if (frozenColumns > 0)
            {
                pane.HorizontalSplit = frozenColumns;
            }

            pane.ActivePane = frozenRows > 0 && frozenColumns > 0 ? PaneValues.BottomRight : frozenRows > 0 ? PaneValues.BottomLeft : PaneValues.TopRight;
            view.Append(pane);
        }

        part.Worksheet = new Worksheet(new SheetViews(view), columns, data);
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(sheets.ChildElements.Count + 1), Name = SheetName(name, names) });
    }

    /// <summary>An Excel sheet name: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.</summary>
    public static string SheetName(string name, ISet<string> taken)
    {
        var clean = new string(name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c).ToArray()).Trim().Trim('\'');
        clean = clean.Length == 0 ? "Sheet" : clean;
        var candidate = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return candidate;
    }

    /// <summary>A1-style reference of a zero-based column and row.</summary>
    public static string Reference(int column, int row)
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
            new NumberingFormats(new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = PercentFormat }) { Count = 1 },
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
                new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 3, FontId = 1, FillId = 2, BorderId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = 4, FontId = 1, FillId = 2, BorderId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyFill = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = PercentFormatId, FontId = 0, FillId = 0, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true },
                new CellFormat { NumberFormatId = PercentFormatId, FontId = 1, FillId = 2, BorderId = 1, ApplyNumberFormat = true, ApplyFont = true, ApplyFill = true, ApplyBorder = true }),
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    /// <summary>A cell to write: a number or a text (null = an empty cell that still carries its style).</summary>
    private sealed record XCell(decimal? NumberValue, string? TextValue, uint Style)
    {
        public static XCell Number(decimal value, uint style) => new(value, null, style);

        public static XCell Str(string? value, uint style) => new(null, value, style);

        public static XCell Head(string value) => new(null, value, Header);

        public Cell ToCell()
        {
            var cell = new Cell { StyleIndex = Style };
            if (NumberValue is { } number)
            {
                cell.DataType = CellValues.Number;
                cell.CellValue = new CellValue(IndicatorEntries.Normalise(number));
            }
            else if (!string.IsNullOrEmpty(TextValue))
            {
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(TextValue) { Space = SpaceProcessingModeValues.Preserve });
            }

            return cell;
        }

        /// <summary>Characters the column needs for this cell (a header wraps, so counts up to 24).</summary>
        public double Width(bool isHeader)
        {
            var length = NumberValue is { } n ? n.ToString("#,##0.00", CultureInfo.InvariantCulture).Length : TextValue?.Length ?? 0;
            return isHeader ? Math.Min(length, 24) : length;
        }
    }
}
