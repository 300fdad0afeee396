using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Fields.Rendering;
using ChuyenDe.Modules.Settings;
using Microsoft.Extensions.Localization;
using ChuyenDe.Modules.Media;

namespace ChuyenDe.Modules.Fields.HtmlBodyPart;

/// <summary>A body written in HTML: sanitised on item pages, its text searched.</summary>
internal sealed partial class HtmlBodyPartDriver(IContentHtmlRenderer renderer, IStringLocalizer<FieldsResources> T, IMediaFileAccess mediaFiles) : IPartDriver
{
    public string Kind => ContentKinds.HtmlBodyPart;

    public string? BodyHtml(JsonObject? part) => renderer.SanitizeHtml(ContentValidator.Text(part?["Html"]));

    public PartDiff Diff => new("Html", T["Body (HTML)"], "html", Multiline: true);

    public Task<IReadOnlyList<string>> DiffLinesAsync(JsonObject? part, SiteSettings site, CancellationToken ct = default)
        => Task.FromResult(FieldText.SplitLines(FieldText.Text(part?["Html"])));

    public string? SearchText(JsonObject? part) => PlainText(FieldSearchContribution.String(part?["Html"]));

    internal static string? PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var parser = new HtmlParser();
        var document = parser.ParseDocument("<html><body>" + html + "</body></html>");
        // Block elements and breaks end with a line break, so that words of neighbouring blocks do not run together.
        foreach (var element in document.Body!.QuerySelectorAll("br,p,div,li,h1,h2,h3,h4,h5,h6,tr,td,th,blockquote,pre,section,article").ToList())
        {
            element.Parent?.InsertBefore(document.CreateTextNode("\n"), element.NextSibling);
        }

        return document.Body.TextContent;
    }
}
