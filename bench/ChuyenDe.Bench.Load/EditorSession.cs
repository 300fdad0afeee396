using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ChuyenDe.Bench.Load;

/// <summary>
/// One signed-in editor (own cookie jar) working on one content item of their own: each edit opens the item's edit form
/// and saves it as a draft with the form's anti-forgery token, as a browser would. Edits of one session run one at a
/// time (a person edits one thing at a time); waiting for the previous one counts in the latency.
/// </summary>
public sealed class EditorSession : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _one = new(1, 1);

    private EditorSession(HttpClient http, string userName)
    {
        _http = http;
        UserName = userName;
    }

    public string UserName { get; }

    public string ItemId { get; private set; } = "";

    public static async Task<EditorSession?> SignInAsync(Uri site, string userName, string password, TimeSpan timeout)
    {
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = site,
            Timeout = timeout,
        };
        var session = new EditorSession(http, userName);
        var form = await session.FormAsync("/admin/dang-nhap", "input[name='Password']");
        if (form is null)
        {
            session.Dispose();
            return null;
        }

        var fields = form.Value.Values.Where(v => v.Key is not ("UserName" or "Password")).ToList();
        fields.Add(new("UserName", userName));
        fields.Add(new("Password", password));
        using var response = await http.PostAsync(form.Value.Action is { Length: > 0 } a ? a : "/admin/dang-nhap", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            session.Dispose();
            return null;
        }

        return session;
    }

    /// <summary>The ids of the content items this editor may edit (the edit links of the content list).</summary>
    public async Task<List<string>> EditableItemsAsync()
    {
        var html = await _http.GetStringAsync("/admin/noi-dung");
        var document = await Parser.ParseDocumentAsync(html);
        return document.QuerySelectorAll("a[href^='/admin/noi-dung/']")
            .Select(a => a.GetAttribute("href") ?? "")
            .Where(h => h.EndsWith("/sua", StringComparison.Ordinal) && h.Count(c => c == '/') == 4)
            .Select(h => Uri.UnescapeDataString(h["/admin/noi-dung/".Length..^"/sua".Length]))
            .Distinct()
            .ToList();
    }

    public void Assign(string itemId) => ItemId = itemId;

    /// <summary>Opens the edit form and saves a draft; null when it worked, else what went wrong.</summary>
    public async Task<string?> EditAsync(CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            var editPage = $"/admin/noi-dung/{Uri.EscapeDataString(ItemId)}/sua";
            var form = await FormAsync(editPage, "form.content-editor");
            if (form is null)
            {
                return "edit form: no form";
            }

            var fields = form.Value.Values.Append(new("_action", "draft"));
            using var response = await _http.PostAsync(form.Value.Action, new FormUrlEncodedContent(fields), ct);
            return response.StatusCode == HttpStatusCode.Redirect ? null : $"save draft: {(int)response.StatusCode}";
        }
        finally
        {
            _one.Release();
        }
    }

    // The values a browser would send for the form: inputs, checked boxes, selected options, text areas; no buttons.
    private async Task<(string Action, List<KeyValuePair<string, string>> Values)?> FormAsync(string page, string selector)
    {
        using var response = await _http.GetAsync(page);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var match = document.QuerySelector(selector);
        if ((match as IHtmlFormElement ?? match?.Closest("form")) is not IHtmlFormElement form)
        {
            return null;
        }

        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    if (input.Type is "submit" or "button" or "image" or "reset" or "file"
                        || (input.Type is "checkbox" or "radio" && !input.IsChecked))
                    {
                        continue;
                    }

                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !area.IsDisabled:
                    values.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !select.IsDisabled:
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected.Add(select.Options[0]!);
                    }

                    values.AddRange(selected.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }

        return (form.GetAttribute("action") ?? page, values);
    }

    public void Dispose()
    {
        _http.Dispose();
        _one.Dispose();
    }
}
