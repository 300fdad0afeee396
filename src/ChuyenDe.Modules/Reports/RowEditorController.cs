using ChuyenDe.Modules.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Reports;

/// <summary>
/// What the outline and indicator editors of rounds and templates share: a post either applies a row operation (add,
/// remove, move, indent…) and shows the rows again unsaved, or builds the value, saves it and goes back to the settings;
/// errors show the rows again with them, nothing saved.
/// </summary>
public abstract class RowEditorController : AdminController
{
    /// <summary>The module's strings, for the errors' messages.</summary>
    protected abstract IStringLocalizer<ReportsResources> Strings { get; }

    protected async Task<IActionResult> PostRowsAsync<TRow, TValue>(
        List<TRow> rows,
        string? op,
        Func<List<TRow>, string, bool> apply,
        Func<List<TRow>, (TValue? Value, IReadOnlyList<FormError> Errors)> build,
        Func<TValue, Task<IReadOnlyList<FormError>>> save,
        Func<IActionResult> redisplay,
        string savedMessage,
        string settingsUrl)
        where TValue : class
    {
        if (op is { Length: > 0 } && op != "save")
        {
            apply(rows, op);
            ModelState.Clear();
            return redisplay();
        }

        var (value, errors) = build(rows);
        if (value is not null)
        {
            errors = await save(value);
        }

        if (errors.Count > 0)
        {
            ModelState.Clear();
            AddErrors(errors);
            return redisplay();
        }

        Flash(savedMessage);
        return Redirect(settingsUrl);
    }

    protected void AddErrors(IEnumerable<FormError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, Strings[error.Message, error.Args]);
        }
    }
}
