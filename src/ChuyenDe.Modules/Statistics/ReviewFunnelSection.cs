using ChuyenDe.Modules.Charts;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Modules.Organizations;
using Microsoft.Extensions.Localization;

namespace ChuyenDe.Modules.Statistics;

/// <summary>
/// (c) The review funnel from the workflow's append-only transitions (<see cref="IReviewHistory"/>), of
/// the items of the units counted (the unit of the item's submission, the submission's unit):
/// table <c>quy-trinh-duyet</c> counts the submissions, returns, approvals and rejections that happened in the period
/// (each transition once: an item submitted twice counts twice); table <c>so-ngay-duyet</c> gives the median days an
/// item spent at a review step — from its arrival there (submitted, or forwarded from the level below) to the
/// decision that ended the step (forwarded, approved, returned or rejected), for the steps ended in the period, by
/// the kind of unit reviewing (district office, Department). A withdrawn submission's step is not counted.
/// </summary>
internal sealed class ReviewFunnelSection(IReviewHistory history, IStringLocalizer<StatisticsResources> T) : IStatisticsSection
{
    public const string FunnelTableId = "quy-trinh-duyet";
    public const string DaysTableId = "so-ngay-duyet";

    private static readonly WorkflowAction[] Counted = [WorkflowAction.Submit, WorkflowAction.Return, WorkflowAction.Approve, WorkflowAction.Reject];
    private static readonly WorkflowAction[] EndsStep = [WorkflowAction.Forward, WorkflowAction.Approve, WorkflowAction.Return, WorkflowAction.Reject];

    public int Order => 300;

    public async Task<StatisticsSection?> BuildAsync(StatisticsQuery query, CancellationToken ct)
    {
        var submissions = (await history.SubmissionsAsync(ct))
            .Where(s => query.Includes(s.OrganizationId) && (query.Filter.ContentType is null || s.ContentType == query.Filter.ContentType))
            .ToDictionary(s => s.ContentItemId, StringComparer.Ordinal);
        var transitions = await history.TransitionsAsync(submissions.Keys.ToHashSet(StringComparer.Ordinal), ct);

        var funnelRows = Counted.Select(action => new StatisticsRow(
                action.ToString(),
                T["Funnel:" + action],
                [transitions.Count(t => t.Action == action && query.InPeriod(t.OccurredUtc))]))
            .ToList();
        var funnel = new StatisticsTable(FunnelTableId, T["Review funnel"],
            T["Bars: how many items were submitted for review, returned to their authors, approved and rejected in the period."],
            T["Decision"], T["Number of times"], [T["Number of times"]], funnelRows, ChartKind.Bar)
        {
            Note = T["Each transition is counted once: an item returned and submitted again counts twice as submitted."],
        };

        // The steps: arrival (submitted = step 2, forwarded = the next step) to the decision that ends it.
        var durations = new List<(string Kind, double Days)>();
        foreach (var run in transitions.GroupBy(t => (t.ContentItemId, t.Round)))
        {
            var path = submissions[run.Key.ContentItemId].ReviewOrganizations;
            (int Step, DateTime At)? entered = null;
            foreach (var t in run)
            {
                if (entered is { } open && EndsStep.Contains(t.Action))
                {
                    if (query.InPeriod(t.OccurredUtc))
                    {
                        var reviewer = open.Step - 2 >= 0 && open.Step - 2 < path.Count ? query.Find(path[open.Step - 2]) : null;
                        durations.Add((reviewer?.Kind == OrganizationKind.Department ? "Department" : "District", (t.OccurredUtc - open.At).TotalDays));
                    }

                    entered = null;
                }

                if (t.Action is WorkflowAction.Submit or WorkflowAction.Forward)
                {
                    entered = (t.Step, t.OccurredUtc);
                }
                else if (t.Action == WorkflowAction.Withdraw)
                {
                    entered = null;
                }
            }
        }

        var kinds = new[] { ("District", T["District office review"].Value), ("Department", T["Department review"].Value), ("", T["All review steps"].Value) };
        var dayRows = kinds.Select(k =>
        {
            var days = durations.Where(d => k.Item1.Length == 0 || d.Kind == k.Item1).Select(d => d.Days).ToList();
            return new StatisticsRow(k.Item1, k.Item2, [days.Count, Median(days)]);
        }).ToList();
        var daysTable = new StatisticsTable(DaysTableId, T["Median days per review step"],
            T["Bars: the median number of days an item waited at each review level before its decision, for the steps decided in the period."],
            T["Review step"], T["Days (median)"], [T["Steps decided"], T["Days (median)"]], dayRows, ChartKind.Bar)
        {
            ChartColumns = [1],
            Fractional = true,
            Note = T["From the item's arrival at the step (submitted or forwarded) to the decision that ended it (forwarded, approved, returned or rejected); the median is the middle value, half of the steps took longer. No figure when no step was decided."],
        };

        return new StatisticsSection("duyet", T["Review"], null, [funnel, daysTable]);
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count), to one decimal; null for none.</summary>
    internal static decimal? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round((decimal)median, 1, MidpointRounding.AwayFromZero);
    }
}
