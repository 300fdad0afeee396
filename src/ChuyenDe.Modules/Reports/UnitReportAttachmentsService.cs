using ChuyenDe.Modules.Admin;
using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Media;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Reports.Consolidation;
using ChuyenDe.Modules.Reports.Indicators;
using ChuyenDe.Modules.Security;

namespace ChuyenDe.Modules.Reports;

/// <summary>What a unit may attach to its report: the files of its media library, its library items, the organisations it may nominate.</summary>
public sealed record UnitReportAttachmentChoices(
    IReadOnlyList<MediaChoice> Files,
    IReadOnlyList<MediaChoice> Items,
    IReadOnlyList<Organization> Organizations);

/// <summary>
/// The evidence and nominations of a unit's report: the choices offered and the checks of what was posted. A file must be
/// one the user may use (<see cref="IMediaFileAccess.UsableAsync"/>) and the unit's own
/// (<see cref="IMediaFileAccess.OwnedByItemAsync"/> with the unit's organisation: its uploads and those of units below
/// it), as the media field editor and the round's plan documents check; a library item must belong to the unit's
/// organisation; a collective nomination names the unit or a unit below it. The counts of nominations are the round's.
/// </summary>
public sealed class UnitReportAttachmentsService(
    IMediaFileAccess media,
    IContentManager contents,
    IContentQueryService queries,
    IOrganizationService organizations)
{
    private const int MaxItemChoices = 500;

    public async Task<UnitReportAttachmentChoices> ChoicesAsync(UserScope actor, string unitId, CancellationToken ct)
    {
        var choosable = await media.ListChoosableAsync(actor, ct);
        var owned = await media.OwnedByItemAsync(unitId, choosable.Select(c => c.Path).ToList(), ct);
        var files = choosable.Where(c => owned.Contains(c.Path)).ToList();
        var page = await queries.QueryAsync(new ContentQuery
        {
            OrganizationIds = [unitId], LatestInsteadOfPublished = true, Order = ContentOrder.Title, Page = 1,
            PageSize = MaxItemChoices, CountTotal = false,
        }, ct);
        var items = page.Items.Select(i => new MediaChoice(i.ContentItemId, string.IsNullOrWhiteSpace(i.DisplayText) ? i.ContentItemId : i.DisplayText)).ToList();
        return new UnitReportAttachmentChoices(files, items, await NominableAsync(unitId, ct));
    }

    /// <summary>The unit and the active units below it, in tree order.</summary>
    private async Task<IReadOnlyList<Organization>> NominableAsync(string unitId, CancellationToken ct)
    {
        var subtree = await organizations.GetSubtreeIdsAsync(unitId, ct);
        return (await organizations.ListAsync(ct)).Where(o => subtree.Contains(o.Id) && (o.Active || o.Id == unitId)).ToList();
    }

    /// <summary>
    /// Checks what was posted; returns the entries to store (names filled in, unknown sections dropped) or the errors. A
    /// submission needs each nomination's achievement report; a draft may lack it.
    /// </summary>
    public async Task<(UnitReportAttachmentsInput Checked, IReadOnlyList<FormError> Errors)> CheckAsync(
        UserScope actor, UnitReportContext context, UnitReportAttachmentsInput input, bool submit, CancellationToken ct)
    {
        var unitId = context.Unit.OrganizationId;
        var usable = await media.UsableAsync(actor, FilePaths(input), ct);
        var owned = await media.OwnedByItemAsync(unitId, usable.ToList(), ct);
        var names = (await media.ListChoosableAsync(actor, ct)).Where(c => owned.Contains(c.Path)).GroupBy(c => c.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        return await CheckAsync(unitId, context.Outline, context.Round.CollectiveNominations, context.Round.IndividualNominations, input, submit,
            owned.ToHashSet(StringComparer.Ordinal), path => names.GetValueOrDefault(path) is { Length: > 0 } name ? name : Path.GetFileName(path), ct);
    }

    /// <summary>The media paths the evidence and nominations name (files of evidence, achievement reports).</summary>
    public static List<string> FilePaths(UnitReportAttachmentsInput input)
        => input.Evidence.Where(e => e.Kind == EvidenceKind.File).Select(e => e.Target)
            .Concat(input.Nominations.Select(n => n.FilePath?.Trim()).OfType<string>()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The checks themselves, given which of the named files are the unit's own (<paramref name="owned"/>, found by the
    /// caller: the signed-in user's usable files, or a recipe's files) and their names; also used by the recipe step.
    /// </summary>
    internal async Task<(UnitReportAttachmentsInput Checked, IReadOnlyList<FormError> Errors)> CheckAsync(
        string unitId, IReadOnlyList<OutlineSection> outline, int maxCollective, int maxIndividual, UnitReportAttachmentsInput input, bool submit,
        IReadOnlySet<string> owned, Func<string, string> FileName, CancellationToken ct)
    {
        var errors = new List<FormError>();
        var sectionKeys = UnitReports.Sections(outline).Select(s => s.Section.Key).ToHashSet(StringComparer.Ordinal);

        var evidence = new List<EvidenceEntry>();
        if (input.Evidence.Count > UnitReportAttachments.MaxEvidence)
        {
            errors.Add(new FormError(UnitReportAttachments.FileField, "Attach at most {0} pieces of evidence.", UnitReportAttachments.MaxEvidence));
        }

        foreach (var entry in input.Evidence)
        {
            var caption = entry.Caption?.Trim();
            var section = entry.SectionKey is { } key && sectionKeys.Contains(key) ? key : null;
            if (caption is { Length: > UnitReportAttachments.MaxCaptionLength })
            {
                errors.Add(new FormError(entry.Kind == EvidenceKind.File ? UnitReportAttachments.FileField : UnitReportAttachments.ItemField,
                    "The caption of “{0}” is longer than {1} characters.", entry.Target, UnitReportAttachments.MaxCaptionLength));
                continue;
            }

            if (entry.Kind == EvidenceKind.File)
            {
                if (!owned.Contains(entry.Target))
                {
                    errors.Add(new FormError(UnitReportAttachments.FileField, "The file “{0}” is not in your unit's media library: attach only files of your own unit's library.", entry.Target));
                    continue;
                }

                evidence.Add(entry with { Name = FileName(entry.Target), SectionKey = section, Caption = string.IsNullOrEmpty(caption) ? null : caption });
            }
            else
            {
                var item = await contents.GetAsync(entry.Target, VersionOptions.Latest, ct);
                if (item is null || item.OrganizationId != unitId)
                {
                    errors.Add(new FormError(UnitReportAttachments.ItemField, "The library item “{0}” does not belong to your unit: link only your own unit's library items.", entry.Target));
                    continue;
                }

                evidence.Add(entry with { Name = string.IsNullOrWhiteSpace(item.DisplayText) ? item.ContentItemId : item.DisplayText, SectionKey = section, Caption = string.IsNullOrEmpty(caption) ? null : caption });
            }
        }

        var nominable = (await NominableAsync(unitId, ct)).ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var nominations = new List<NominationEntry>();
        var collective = input.Nominations.Count(n => n.Kind == NominationKind.Collective);
        var individual = input.Nominations.Count(n => n.Kind == NominationKind.Individual);
        if (collective > maxCollective)
        {
            errors.Add(new FormError(UnitReportAttachments.NominationsField, "The round takes at most {0} collective nominations per unit; you gave {1}.", maxCollective, collective));
        }

        if (individual > maxIndividual)
        {
            errors.Add(new FormError(UnitReportAttachments.NominationsField, "The round takes at most {0} individual nominations per unit; you gave {1}.", maxIndividual, individual));
        }

        int c = 0, i = 0;
        foreach (var nomination in input.Nominations)
        {
            var isCollective = nomination.Kind == NominationKind.Collective;
            var row = isCollective ? ++c : ++i;
            var field = isCollective ? UnitReportAttachments.CollectiveField(row - 1, "org") : UnitReportAttachments.IndividualField(row - 1, "name");
            var fileField = isCollective ? UnitReportAttachments.CollectiveField(row - 1, "file") : UnitReportAttachments.IndividualField(row - 1, "file");
            var label = isCollective ? "collective nomination {0}" : "individual nomination {0}";
            var entry = nomination with
            {
                Name = nomination.Name.Trim(), Position = Trimmed(nomination.Position), Organisation = Trimmed(nomination.Organisation),
                FilePath = Trimmed(nomination.FilePath), FileName = null,
            };
            var ok = true;
            if (isCollective)
            {
                if (entry.OrganizationId is not { } org || !nominable.TryGetValue(org, out var orgName))
                {
                    errors.Add(new FormError(field, "Choose the organisation of " + label + " among your unit and the units below it.", row));
                    ok = false;
                }
                else
                {
                    entry = entry with { Name = orgName, Position = null, Organisation = null };
                }
            }
            else
            {
                entry = entry with { OrganizationId = null };
                if (entry.Name.Length == 0)
                {
                    errors.Add(new FormError(field, "Write the full name of " + label + ".", row));
                    ok = false;
                }
                else if (entry.Name.Length > UnitReportAttachments.MaxNameLength || entry.Position?.Length > UnitReportAttachments.MaxNameLength
                         || entry.Organisation?.Length > UnitReportAttachments.MaxNameLength)
                {
                    errors.Add(new FormError(field, "The name, position and organisation of " + label + " are at most {1} characters each.", row, UnitReportAttachments.MaxNameLength));
                    ok = false;
                }
            }

            if (entry.FilePath is { } path)
            {
                if (!owned.Contains(path))
                {
                    errors.Add(new FormError(fileField, "The achievement report of " + label + " is not a file of your unit's media library.", row));
                    ok = false;
                }
                else if (!UnitReportAttachments.NominationFileExtensions.Contains(Path.GetExtension(path)))
                {
                    errors.Add(new FormError(fileField, "The achievement report of " + label + " must be a Word (.docx) or PDF file.", row));
                    ok = false;
                }
                else
                {
                    entry = entry with { FileName = FileName(path) };
                }
            }
            else if (submit)
            {
                errors.Add(new FormError(fileField, "Attach the achievement report of " + label + " before submitting.", row));
                ok = false;
            }

            if (ok)
            {
                nominations.Add(entry);
            }
        }

        return (new UnitReportAttachmentsInput(evidence, nominations), errors);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
