using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;
using MdTableCell = Markdig.Extensions.Tables.TableCell;
using MdTableRow = Markdig.Extensions.Tables.TableRow;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace ChuyenDe.Modules.Reports.Consolidation;

/// <summary>
/// What a unit wrote in Markdown as plain Word paragraphs: paragraphs keep bold, italic, struck and code runs and line
/// breaks; a heading inside the text becomes a bold paragraph (so that the document's own headings stay the outline's);
/// list items become indented paragraphs starting with "•" or their number, nested lists further indented; a quote is
/// indented and italic; code keeps its lines in a fixed-width font; a table becomes a Word table of plain text; a link
/// shows its text and, when different, its address in brackets; an image shows its description. Raw HTML is not interpreted: as in the editor's preview, it shows as the
/// text it is.
/// </summary>
public static class MarkdownToWord
{
    private const int IndentStep = 425; // twips, 0.75 cm

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    public static IReadOnlyList<OpenXmlElement> Convert(string? markdown)
    {
        var elements = new List<OpenXmlElement>();
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return elements;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var block in document)
        {
            AddBlock(elements, block, new Context(0, false));
        }

        return elements;
    }

    private readonly record struct Context(int Indent, bool Italic);

    private static void AddBlock(List<OpenXmlElement> elements, Block block, Context context)
    {
        switch (block)
        {
            case HeadingBlock heading:
                elements.Add(Paragraph(context, Runs(heading.Inline, new Format(Bold: true, Italic: context.Italic))));
                break;

            case ParagraphBlock paragraph:
                elements.Add(Paragraph(context, Runs(paragraph.Inline, new Format(Italic: context.Italic))));
                break;

            case ListBlock list:
                var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? number.ToString(CultureInfo.InvariantCulture) + ". " : "• ";
                    number++;
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is ParagraphBlock itemParagraph)
                        {
                            var runs = new List<Run> { TextRun(marker, new Format(Italic: context.Italic)) };
                            runs.AddRange(Runs(itemParagraph.Inline, new Format(Italic: context.Italic)));
                            elements.Add(Paragraph(context with { Indent = context.Indent + 1 }, runs, hanging: true));
                        }
                        else
                        {
                            AddBlock(elements, child, context with { Indent = context.Indent + 1 });
                        }

                        first = false;
                    }
                }

                break;

            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    AddBlock(elements, child, new Context(context.Indent + 1, true));
                }

                break;

            case CodeBlock code:
                var lines = code.Lines.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
                var codeRuns = new List<Run>();
                for (var i = 0; i < lines.Length; i++)
                {
                    var run = TextRun(lines[i], new Format(Code: true));
                    if (i > 0)
                    {
                        run.PrependChild(new Break());
                    }

                    codeRuns.Add(run);
                }

                elements.Add(Paragraph(context, codeRuns));
                break;

            case MdTable table:
                elements.Add(Table(table));
                elements.Add(new Paragraph());
                break;

            case ContainerBlock container:
                foreach (var child in container)
                {
                    AddBlock(elements, child, context);
                }

                break;

            // Thematic breaks, raw HTML and link reference definitions add nothing a reader needs.
        }
    }

    private static WTable Table(MdTable table)
    {
        var word = new WTable(new TableProperties(
            new TableStyle { Val = ConsolidationDocxWriter.TableStyleId },
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var columns = table.OfType<MdTableRow>().Select(r => r.Count).DefaultIfEmpty(1).Max();
        word.Append(ConsolidationDocxWriter.Grid(Enumerable.Repeat(ConsolidationDocxWriter.PortraitTextWidth / Math.Max(columns, 1), columns)));
        foreach (var row in table.OfType<MdTableRow>())
        {
            var wordRow = new WTableRow();
            foreach (var cell in row.OfType<MdTableCell>())
            {
                var text = string.Join(" ", cell.OfType<LeafBlock>().Select(b => PlainText(b.Inline)));
                wordRow.Append(new WTableCell(new Paragraph(TextRun(text, new Format(Bold: row.IsHeader)))));
            }

            if (wordRow.HasChildren)
            {
                word.Append(wordRow);
            }
        }

        return word;
    }

    private readonly record struct Format(bool Bold = false, bool Italic = false, bool Strike = false, bool Code = false);

    private static List<Run> Runs(ContainerInline? container, Format format)
    {
        var runs = new List<Run>();
        if (container is not null)
        {
            AddInlines(runs, container, format);
        }

        return runs;
    }

    private static void AddInlines(List<Run> runs, ContainerInline container, Format format)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(TextRun(literal.Content.ToString(), format));
                    break;
                case CodeInline code:
                    runs.Add(TextRun(code.Content, format with { Code = true }));
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(lineBreak.IsHard ? new Run(new Break()) : TextRun(" ", format));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(TextRun(entity.Transcoded.ToString(), format));
                    break;
                case AutolinkInline autolink:
                    runs.Add(TextRun(autolink.Url, format));
                    break;
                case TaskList task:
                    runs.Add(TextRun(task.Checked ? "☑ " : "☐ ", format));
                    break;
                case LinkInline { IsImage: true } image:
                    var description = PlainText(image);
                    runs.Add(TextRun(description.Length > 0 ? $"[{description}]" : "", format with { Italic = true }));
                    break;
                case LinkInline link:
                    AddInlines(runs, link, format);
                    var shown = PlainText(link);
                    if (!string.IsNullOrWhiteSpace(link.Url) && !string.Equals(shown, link.Url, StringComparison.Ordinal))
                    {
                        runs.Add(TextRun($" ({link.Url})", format));
                    }

                    break;
                case EmphasisInline emphasis:
                    var inner = emphasis.DelimiterChar is '~' ? format with { Strike = true }
                        : emphasis.DelimiterCount >= 2 ? format with { Bold = true }
                        : format with { Italic = true };
                    AddInlines(runs, emphasis, inner);
                    break;
                case ContainerInline nested:
                    AddInlines(runs, nested, format);
                    break;
            }
        }
    }

    /// <summary>The text of inlines without their formatting.</summary>
    public static string PlainText(ContainerInline? container)
    {
        var builder = new StringBuilder();

        void Walk(ContainerInline node)
        {
            foreach (var inline in node)
            {
                switch (inline)
                {
                    case LiteralInline literal: builder.Append(literal.Content.ToString()); break;
                    case CodeInline code: builder.Append(code.Content); break;
                    case LineBreakInline: builder.Append(' '); break;
                    case HtmlEntityInline entity: builder.Append(entity.Transcoded.ToString()); break;
                    case AutolinkInline autolink: builder.Append(autolink.Url); break;
                    case ContainerInline nested: Walk(nested); break;
                }
            }
        }

        if (container is not null)
        {
            Walk(container);
        }

        return builder.ToString();
    }

    private static Paragraph Paragraph(Context context, IEnumerable<Run> runs, bool hanging = false)
    {
        var paragraph = new Paragraph();
        if (context.Indent > 0)
        {
            var indentation = new Indentation { Left = (context.Indent * IndentStep).ToString(CultureInfo.InvariantCulture) };
            if (hanging)
            {
                indentation.Hanging = (IndentStep / 2 + 60).ToString(CultureInfo.InvariantCulture);
            }

            paragraph.Append(new ParagraphProperties(indentation));
        }

        paragraph.Append(runs);
        return paragraph;
    }

    private static Run TextRun(string text, Format format)
    {
        var run = new Run();
        if (format.Bold || format.Italic || format.Strike || format.Code)
        {
            var properties = new RunProperties();
            if (format.Code)
            {
                properties.Append(new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New", ComplexScript = "Courier New" });
            }

            if (format.Bold)
            {
                properties.Append(new Bold());
            }

            if (format.Italic)
            {
                properties.Append(new Italic());
            }

            if (format.Strike)
            {
                properties.Append(new Strike());
            }

            run.Append(properties);
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
