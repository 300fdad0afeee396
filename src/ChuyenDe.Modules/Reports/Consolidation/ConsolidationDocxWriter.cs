using System.Globalization;
using ChuyenDe.Modules.Reports.Indicators;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports.Consolidation;

/// <summary>
/// A Word draft of the round's own report: the round's title, then the outline — each section a heading (Heading 1
/// for the top level, Heading 2 and 3 below, deeper levels as Heading 3), under it what each unit wrote there,
/// labelled by the unit's name in bold (Markdown converted by <see cref="MarkdownToWord"/>), or a note that no unit
/// wrote there yet (sections that have subsections go without the note) — then, on landscape pages, the heading
/// "Số liệu tổng hợp" and the figures table: a row per unit (with its group when grouped), the overall row added up by
/// each indicator's rule, and the rule of each indicator; when grouped, a second table of the groups' figures.
/// Numbers are written the Vietnamese way (1.234; 12,5; 85%). Times New Roman 13 pt, A4.
/// </summary>
public sealed class ConsolidationDocxWriter(IStringLocalizer<ConsolidationResources> t)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    internal const string TableStyleId = "BangSoLieu";

    /// <summary>Width of the text on an A4 portrait page with these margins, in twips.</summary>
    internal const int PortraitTextWidth = 11906 - 1418 - 1134;

    /// <summary>Width of the text on an A4 landscape page with these margins, in twips.</summary>
    internal const int LandscapeTextWidth = 16838 - 1418 - 1134;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

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
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(StyledParagraph("Title", input.RoundTitle));
            foreach (var section in input.Outline)
            {
                AddSection(body, table, section, 1);
            }

            // The outline ends a portrait section; the figures follow on landscape pages.
            body.Append(new Paragraph(new ParagraphProperties(PageSetup(landscape: false))));
            body.Append(StyledParagraph("Heading1", t["Figures"]));
            body.Append(UnitsTable(table));
            if (table.IsGrouped)
            {
                body.Append(StyledParagraph("Heading2", t["By {0}", table.GroupLevelName]));
                body.Append(GroupsTable(table));
            }

            // Word wants a paragraph after a table before the document ends.
            body.Append(new Paragraph());
            body.Append(PageSetup(landscape: true));
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private void AddSection(Body body, ConsolidationTable table, OutlineSection section, int depth)
    {
        body.Append(StyledParagraph("Heading" + Math.Min(depth, 3).ToString(CultureInfo.InvariantCulture), section.Title));
        var wrote = 0;
        foreach (var unit in table.Input.Units)
        {
            if (!unit.SectionTexts.TryGetValue(section.Key, out var markdown) || string.IsNullOrWhiteSpace(markdown))
            {
                continue;
            }

            wrote++;
            body.Append(new Paragraph(
                new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120" }),
                new Run(new RunProperties(new Bold()), new Text(unit.Name + ":") { Space = SpaceProcessingModeValues.Preserve })));
            body.Append(MarkdownToWord.Convert(markdown));
        }

        if (wrote == 0 && section.Children.Count == 0)
        {
            body.Append(new Paragraph(new Run(new RunProperties(new Italic()), new Text(t["No unit has written this section yet."]))));
        }

        foreach (var child in section.Children)
        {
            AddSection(body, table, child, depth + 1);
        }
    }

    private Table UnitsTable(ConsolidationTable table)
    {
        var word = NewTable();
        var header = new List<string> { t["No."], table.UnitLevelName };
        if (table.IsGrouped)
        {
            header.Add(table.GroupLevelName);
        }

        header.AddRange(table.Indicators.Select(ConsolidationTable.Heading));
        word.Append(Grid(ColumnWidths(table.IsGrouped ? [600, 2600, 2000] : [600, 3000], table.Indicators.Count)));
        word.Append(Row(header, bold: true, header: true));

        var units = table.IsGrouped ? table.Groups.SelectMany(g => g.Units.Select(u => (Unit: u, Group: g.Name))).ToList() : table.Input.Units.Select(u => (Unit: u, Group: "")).ToList();
        for (var index = 0; index < units.Count; index++)
        {
            var (unit, group) = units[index];
            var cells = new List<string> { (index + 1).ToString(Vietnamese), unit.Name };
            if (table.IsGrouped)
            {
                cells.Add(group);
            }

            cells.AddRange(table.Indicators.Select(i => ConsolidationTable.NumberOf(i, unit) is { } number ? Number(i, number, isFigure: false) : table.TextOf(i, unit) ?? ""));
            word.Append(Row(cells, bold: false));
        }

        var lead = table.IsGrouped ? new[] { "", table.OverallName, "" } : ["", table.OverallName];
        word.Append(Row(lead.Concat(table.Indicators.Select(i => Figure(i, table.Overall[i.Key]))), bold: true));
        word.Append(Row(lead.Select((_, n) => n == 1 ? t["How it adds up"].Value : "").Concat(table.Indicators.Select(table.RuleName)), bold: false));
        return word;
    }

    private Table GroupsTable(ConsolidationTable table)
    {
        var indicators = table.AddedUpIndicators;
        var word = NewTable();
        word.Append(Grid(ColumnWidths([600, 3000, 1200], indicators.Count)));
        word.Append(Row(new[] { t["No."].Value, table.GroupLevelName, t["Units asked"].Value }.Concat(indicators.Select(ConsolidationTable.Heading)), bold: true, header: true));
        for (var index = 0; index < table.Groups.Count; index++)
        {
            var group = table.Groups[index];
            word.Append(Row(
                new[] { (index + 1).ToString(Vietnamese), group.Name, group.Units.Count.ToString(Vietnamese) }.Concat(indicators.Select(i => Figure(i, group.Figures[i.Key]))),
                bold: false));
        }

        word.Append(Row(new[] { "", table.OverallName, table.Input.Units.Count.ToString(Vietnamese) }.Concat(indicators.Select(i => Figure(i, table.Overall[i.Key]))), bold: true));
        return word;
    }

    private static string Figure(IndicatorDefinition indicator, AddedUpFigure figure)
        => ConsolidationTable.HasFigure(indicator) && figure.Value is { } value ? Number(indicator, value, isFigure: true) : "";

    /// <summary>A number the Vietnamese way; a yes/no figure is a count, not a percentage.</summary>
    public static string Number(IndicatorDefinition indicator, decimal value, bool isFigure)
    {
        var text = value.ToString("#,##0.##", Vietnamese);
        return indicator.Kind == IndicatorKind.Percentage && !(isFigure && indicator.AddUp == AddUpRule.Sum) ? text + "%" : text;
    }

    /// <summary>The lead columns' widths, then the rest of a landscape page shared by the indicators' columns.</summary>
    private static IEnumerable<int> ColumnWidths(int[] lead, int indicators)
        => lead.Concat(Enumerable.Repeat(Math.Max(600, (LandscapeTextWidth - lead.Sum()) / Math.Max(indicators, 1)), indicators));

    internal static TableGrid Grid(IEnumerable<int> widths)
        => new(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }));

    private static Table NewTable() => new(new TableProperties(
        new TableStyle { Val = TableStyleId },
        new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
        new TableLayout { Type = TableLayoutValues.Autofit }));

    private static TableRow Row(IEnumerable<string> cells, bool bold, bool header = false)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var run = new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve });
            if (bold)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            row.Append(new TableCell(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }), run)));
        }

        return row;
    }

    private static Paragraph StyledParagraph(string styleId, string text)
        => new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static SectionProperties PageSetup(bool landscape) => new(
        landscape
            ? new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1418, Right = 1134, Header = 709, Footer = 709, Gutter = 0 });

    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, string? basedOn, int halfPoints, bool bold, int? outline, int before, int after)
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.Append(new StyleName { Val = name });
            if (basedOn is not null)
            {
                style.Append(new BasedOn { Val = basedOn });
                style.Append(new NextParagraphStyle { Val = "Normal" });
            }

            style.Append(new PrimaryStyle());
            var paragraph = new StyleParagraphProperties();
            if (outline is not null)
            {
                paragraph.Append(new KeepNext());
            }

            paragraph.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
            if (outline is { } level)
            {
                paragraph.Append(new OutlineLevel { Val = level });
            }

            style.Append(paragraph);
            var run = new StyleRunProperties();
            if (bold)
            {
                run.Append(new Bold());
            }

            run.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            style.Append(run);
            return style;
        }

        var normal = Paragraph("Normal", "Normal", null, 26, bold: false, outline: null, before: 0, after: 120);
        normal.Default = true;
        var tableStyle = new Style(
            new StyleName { Val = "Bảng số liệu" },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = TableStyleId };

        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = "26" }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            normal,
            Paragraph("Title", "Title", "Normal", 32, bold: true, outline: null, before: 0, after: 240),
            Paragraph("Heading1", "heading 1", "Normal", 28, bold: true, outline: 0, before: 240, after: 120),
            Paragraph("Heading2", "heading 2", "Normal", 26, bold: true, outline: 1, before: 200, after: 100),
            Paragraph("Heading3", "heading 3", "Normal", 26, bold: true, outline: 2, before: 160, after: 80),
            tableStyle);
    }
}
