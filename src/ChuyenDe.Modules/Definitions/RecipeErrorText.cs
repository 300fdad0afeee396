using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Definitions;

/// <summary>
/// Puts the reasons the recipe runner gives (in English, with names and values filled in) into the UI language:
/// each known reason is an English template whose <c>{n}</c> parts are read back out of the message and passed
/// to the localizer. A reason no template matches is shown as it is.
/// </summary>
public static class RecipeErrorText
{
    /// <summary>The reasons of the recipe runner and its steps, as their code writes them.</summary>
    internal static readonly string[] Templates =
    [
        "The recipe file does not exist.",
        "A recipe needs a 'steps' array.",
        "A recipe must be a JSON object.",
        "Each step must be an object.",
        "Each step needs a 'name'.",
        "Unknown step '{0}'. Known steps: {1}.",
        "The file is not valid JSON (line {0}, byte {1}): {2}",
        "The file is not valid JSON: {0}",
        "'{0}' is required and must be a non-empty string.",
        "'{0}' is not a valid name (letters, digits and _ only, starting with a letter).",
        "'{0}' is required and must be an array.",
        "'{0}' must be a string.",
        "'{0}' must be true or false.",
        "'{0}' must be a number.",
        "'{0}' must be an object.",
        "'{0}' must be an array.",
        "Each entry must be an object.",
        "Each entry must be a string.",
        "Unknown field kind '{0}'. Known kinds: {1}.",
        "The field '{0}' appears twice in part '{1}'.",
        "Unknown part '{0}': neither a known part kind ({1}) nor a part defined in ContentParts.",
        "Unknown content type '{0}'.",
        "The content item '{0}' appears twice.",
        "A part must be a JSON object.",
        "A {0} must be a JSON object.",
        "Expected a string.",
        "Expected a number.",
        "Expected true or false.",
        "Expected an ISO 8601 date.",
        "Expected an array of strings.",
        "Expected an array of objects.",
        "Unknown time zone '{0}'.",
        "Unknown permission '{0}'.",
        "Unknown organisation '{0}'.",
        "Unknown role '{0}'.",
        "'{0}' is not a safe media path.",
        "The file '{0}' does not exist beside the recipe.",
        "Base64 is not valid base-64 text.",
        "A file needs a SourcePath or Base64 (SourceUrl is not supported: this site does not download).",
        "The organisation '{0}' appears twice.",
        "A Department is at the top of the tree and has no parent.",
        "A user that is not a demo account needs a Password.",
        "PermissionBehavior must be Replace, Add or Remove.",

        // The Reports step (rounds, plan documents and units' reports); a reason that contains another is listed first.
        "'{0}' is not a valid key (a–z, 0–9 and '-', at most 64).",
        "The outline is not an array of { Key, Title, Guidance?, Children? }: {0}",
        "Every section needs a key (a–z, 0–9 and '-'), unique within the outline.",
        "The indicators are not an array of { Key, Name, Kind, AddUp, … }: {0}",
        "'{0}' is not a Department or district office of the tree.",
        "No template has the key '{0}'.",
        "'{0}' is not a local date and time such as 2023-03-10T17:00.",
        "Unknown rule '{0}'. Known rules: {1}.",
        "Unknown state '{0}'. Known states: {1}.",
        "'{0}' is not an active district office or school below '{1}'.",
        "'{0}' must be a whole number from 0 to {1}.",
        "No round has the key '{0}' (rounds are read in order).",
        "'{0}' has started its report and stays asked.",
        "The plan document '{0}' is not a file of the media library (a media step before this one may add it).",
        "The plan document '{0}' is not a file of the library of '{1}'.",
        "A round in Draft cannot have reports: units answer a round once it is Open (or Closed).",
        "'{0}' is not a unit asked by the round '{1}'.",
        "The report of '{0}' appears twice.",
        "Unknown report state '{0}'. Known states: Draft, Submitted, Returned, Accepted.",
        "'{0}' is not a date and time with its offset such as 2023-03-08T16:30:00+07:00.",
        "The report of '{0}' is {1}: give when it was submitted ('Submitted').",
        "The report of '{0}' is a draft: it has no submission time.",
        "The draft of '{0}' is saved after its submission.",
        "Only a Returned or Accepted report has a decision ('{0}' is {1}).",
        "A returned report needs the reason ('Review': { 'Reason': … }) — '{0}'.",
        "The reason is longer than {0} characters.",
        "'{0}': '{1}' is not a section of the round's outline.",
        "'{0}' is not a section of the round's outline.",
        "The decision on '{0}' comes before its submission.",
        "'{0}': the section '{1}' is longer than {2} characters.",
        "'{0}': a submitted report needs a text in the section '{1}'.",
        "'{0}', indicator '{1}': write the value as stored, '{2}'.",
        "'{0}', indicator '{1}': {2}",
        "No user has the user name '{0}'.",
        "The evidence is not an array of { Kind (File or LibraryItem), Target, Caption?, SectionKey? }: {0}",
        "The nominations are not an array of { Kind (Collective or Individual), OrganizationId? | Name, Position?, Organisation?, FilePath? }: {0}",
        "'{0}', evidence and nominations: {1}",
    ];

    private static readonly (Regex Pattern, string Template)[] Compiled = Templates
        .Select(t => (new Regex("^" + Regex.Replace(Regex.Escape(t), @"\\\{(\d)}", "(.*?)") + "$", RegexOptions.Singleline), t))
        .ToArray();

    public static string Translate(string reason, IStringLocalizer T)
    {
        foreach (var (pattern, template) in Compiled)
        {
            var match = pattern.Match(reason);
            if (match.Success)
            {
                var values = match.Groups.Cast<Group>().Skip(1).Select(g => (object)g.Value).ToArray();
                return T[template, values];
            }
        }

        return reason;
    }
}
