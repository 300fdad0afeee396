using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ChuyenDe.Tests.Functional.Admin;

/// <summary>
/// The values a browser would send for a rendered form: inputs, checked boxes, selected options and text areas, in
/// document order, without buttons. Tests change some values and post the rest as they were shown.
/// </summary>
public sealed class EditorForm
{
    private readonly List<KeyValuePair<string, string>> _values;

    private EditorForm(string action, List<KeyValuePair<string, string>> values)
    {
        Action = action;
        _values = values;
    }

    public string Action { get; }

    public string Token => Get("__RequestVerificationToken") ?? throw new InvalidOperationException("The form has no anti-forgery token.");

    public static EditorForm Of(IDocument document, string selector = "form.content-editor")
    {
        var form = document.QuerySelector(selector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{selector}' on the page: {document.Title}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !input.IsDisabled:
                    if (input.Type is "submit" or "button" or "image" or "reset")
                    {
                        continue;
                    }

                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
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

        return new EditorForm(form.GetAttribute("action") ?? "", values);
    }

    public string? Get(string name) => _values.FirstOrDefault(v => v.Key == name).Value;

    public IReadOnlyList<string> GetAll(string name) => _values.Where(v => v.Key == name).Select(v => v.Value).ToList();

    /// <summary>Replaces every value of <paramref name="name"/> with the given ones.</summary>
    public EditorForm Set(string name, params string[] values)
    {
        _values.RemoveAll(v => v.Key == name);
        _values.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public EditorForm Remove(string name) => Set(name);

    /// <summary>The values plus the button pressed (e.g. <c>_action=publish</c>).</summary>
    public IEnumerable<KeyValuePair<string, string>> With(string button, string value)
        => _values.Where(v => v.Key != "__RequestVerificationToken").Append(new(button, value));

    public Task<HttpResponseMessage> SubmitAsync(AdminClient client, string button = "_action", string value = "draft")
        => client.PostFormWithTokenAsync(Action, With(button, value), Token);
}
