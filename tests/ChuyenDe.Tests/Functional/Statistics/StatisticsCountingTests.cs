using ChuyenDe.Modules.Contents;
using ChuyenDe.Modules.Editorial;
using ChuyenDe.Modules.Organizations;
using ChuyenDe.Modules.Security;
using ChuyenDe.Modules.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChuyenDe.Tests.Functional.Statistics;

/// <summary>
/// The counting and grouping of the statistics against a hand-computed fixture, on both databases: a Department of
/// its own with two district offices and three schools, seven items (one a draft) written straight into the content
/// tables with their terms, and the workflow transitions of two of them. Every expected figure below was counted by
/// hand from the fixture; empty groups (criteria groups, types, a district without items) must show as 0, and a
/// district's scope must not see the other district's items.
/// </summary>
public abstract class StatisticsCountingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SiteFixture
{
    private sealed record Fixture(string Department, string DistrictA, string DistrictB, string SchoolA1, string SchoolA2, string SchoolB1);

    private static readonly DateTime Day0 = new(2024, 1, 1, 2, 0, 0, DateTimeKind.Utc);

    private async Task<Fixture> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var f = new Fixture($"so-tk-{tag}", $"phong-tk-a-{tag}", $"phong-tk-b-{tag}", $"truong-tk-a1-{tag}", $"truong-tk-a2-{tag}", $"truong-tk-b1-{tag}");
        await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            db.Set<Organization>().AddRange(
                new Organization { Id = f.Department, Name = "Sở thống kê " + tag, Kind = OrganizationKind.Department },
                new Organization { Id = f.DistrictA, Name = "Phòng A " + tag, Kind = OrganizationKind.DistrictOffice, ParentId = f.Department },
                new Organization { Id = f.DistrictB, Name = "Phòng B " + tag, Kind = OrganizationKind.DistrictOffice, ParentId = f.Department },
                new Organization { Id = f.SchoolA1, Name = "Trường A1 " + tag, Kind = OrganizationKind.School, ParentId = f.DistrictA },
                new Organization { Id = f.SchoolA2, Name = "Trường A2 " + tag, Kind = OrganizationKind.School, ParentId = f.DistrictA },
                new Organization { Id = f.SchoolB1, Name = "Trường B1 " + tag, Kind = OrganizationKind.School, ParentId = f.DistrictB });

            void Item(string id, string type, string org, DateTime published, bool isPublished = true, params (string Taxonomy, string Term)[] terms)
            {
                var version = id + "-v1";
                db.Set<ContentItemVersionRecord>().Add(new ContentItemVersionRecord
                {
                    ContentItemId = id, ContentItemVersionId = version, ContentType = type, DisplayText = id, DisplayTextFolded = id,
                    Latest = true, Published = isPublished, Owner = "admin", Author = "admin", CreatedUtc = published, ModifiedUtc = published,
                    PublishedUtc = isPublished ? published : null, OrganizationId = org,
                });
                foreach (var (taxonomy, term) in terms)
                {
                    db.Set<ContentTaxonomyRecord>().Add(new ContentTaxonomyRecord
                    {
                        ContentItemId = id, ContentItemVersionId = version, ContentType = type, ContentPart = type, ContentField = "F",
                        TaxonomyContentItemId = taxonomy, TermContentItemId = term, Published = isPublished, Latest = true,
                    });
                }
            }

            Item($"tk1-{tag}", "Initiative", f.SchoolA1, new DateTime(2024, 1, 10, 3, 0, 0, DateTimeKind.Utc), true,
                ("tax-criteria", "crit-1"), ("tax-criteria", "crit-2"), ("tax-levels", "level-truong"), ("tax-school-years", "sy-2022-2023"));
            Item($"tk2-{tag}", "Initiative", f.SchoolA2, new DateTime(2024, 2, 10, 3, 0, 0, DateTimeKind.Utc), true,
                ("tax-criteria", "crit-1"), ("tax-levels", "level-quan-huyen"), ("tax-school-years", "sy-2023-2024"));
            Item($"tk3-{tag}", "ExemplaryProduct", f.SchoolA1, new DateTime(2024, 3, 10, 3, 0, 0, DateTimeKind.Utc), true,
                ("tax-criteria", "crit-3"), ("tax-levels", "level-tinh-thanh"));
            Item($"tk4-{tag}", "ModelSite", f.SchoolB1, new DateTime(2024, 4, 10, 3, 0, 0, DateTimeKind.Utc), true,
                ("tax-model-site-themes", "theme-steam"), ("tax-levels", "level-quan-huyen"));
            Item($"tk5-{tag}", "Initiative", f.SchoolB1, new DateTime(2023, 6, 1, 3, 0, 0, DateTimeKind.Utc));
            Item($"tk6-{tag}", "Article", f.Department, new DateTime(2024, 5, 1, 3, 0, 0, DateTimeKind.Utc));
            Item($"tk7-{tag}", "Initiative", f.SchoolA1, new DateTime(2024, 5, 2, 3, 0, 0, DateTimeKind.Utc), isPublished: false,
                ("tax-criteria", "crit-4"));

            // The workflow: item 1 twice (returned by the Department, then approved there), item 2 rejected by district A.
            var path = $"{f.DistrictA}|{f.Department}";
            db.Set<SubmissionRecord>().AddRange(
                new SubmissionRecord { ContentItemId = $"tk1-{tag}", ContentType = "Initiative", OrganizationId = f.SchoolA1, DistrictId = f.DistrictA, ReviewPath = path, State = SubmissionState.Approved, Round = 2 },
                new SubmissionRecord { ContentItemId = $"tk2-{tag}", ContentType = "Initiative", OrganizationId = f.SchoolA2, DistrictId = f.DistrictA, ReviewPath = path, State = SubmissionState.Rejected, Round = 1 });
            void Transition(string item, int round, WorkflowAction action, int step, double days)
                => db.Set<SubmissionTransitionRecord>().Add(new SubmissionTransitionRecord
                {
                    ContentItemId = item, Round = round, Action = action, Step = step, ActorUserId = "u", ActorUserName = "u",
                    OccurredUtc = Day0.AddDays(days),
                });
            Transition($"tk1-{tag}", 1, WorkflowAction.Submit, 2, 0);
            Transition($"tk1-{tag}", 1, WorkflowAction.Claim, 2, 1);
            Transition($"tk1-{tag}", 1, WorkflowAction.Forward, 3, 2);   // district: 2 days
            Transition($"tk1-{tag}", 1, WorkflowAction.Return, 1, 5);    // Department: 3 days
            Transition($"tk1-{tag}", 2, WorkflowAction.Submit, 2, 6);
            Transition($"tk1-{tag}", 2, WorkflowAction.Forward, 3, 7);   // district: 1 day
            Transition($"tk1-{tag}", 2, WorkflowAction.Approve, 3, 10);  // Department: 3 days
            Transition($"tk2-{tag}", 1, WorkflowAction.Submit, 2, 0);
            Transition($"tk2-{tag}", 1, WorkflowAction.Reject, 2, 4);    // district: 4 days
            await db.SaveChangesAsync();
            return 0;
        });
        return f;
    }

    private Task<StatisticsPage> StatisticsAsync(string organizationId, string? kind, string query)
        => fixture.WithServicesAsync(async sp =>
        {
            var subtree = await sp.GetRequiredService<IOrganizationService>().GetSubtreeIdsAsync(organizationId);
            var scope = new UserScope("u", "u", "u", organizationId, kind, subtree, new HashSet<string> { StatisticsPermissions.ViewStatistics }, false);
            var filter = StatisticsFilter.Parse(new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));
            return await sp.GetRequiredService<StatisticsService>().BuildAsync(scope, filter, default);
        });

    private static decimal?[] Row(StatisticsTable table, string key) => table.Rows.Single(r => r.Key == key).Values.ToArray();

    /// <summary>A row's cells by column key (null = the totals row).</summary>
    private static SortedDictionary<string, decimal?> Cells(StatisticsTable table, string? rowKey)
    {
        var row = rowKey is null ? table.Totals! : table.Rows.Single(r => r.Key == rowKey);
        return new(table.ColumnKeys!.Select((key, i) => (key, row.Values[i])).ToDictionary(x => x.key, x => x.Item2), StringComparer.Ordinal);
    }

    private static SortedDictionary<string, decimal?> Cells(params (string Key, decimal Value)[] cells)
        => new(cells.ToDictionary(c => c.Key, c => (decimal?)c.Value), StringComparer.Ordinal);

    [SkippableFact]
    public async Task Items_are_counted_by_district_and_type_with_empty_groups_and_totals()
    {
        fixture.SkipUnlessAvailable();
        var f = await SeedAsync();
        var page = await StatisticsAsync(f.Department, "Department", "");
        var table = page.FindTable(PublishedItemsSection.TableId)!;

        // Columns: the counted types (listable, with a unit), then the total.
        Assert.Equal(["Article", "Event", "ExemplaryProduct", "Initiative", "ModelSite", "tong"], table.ColumnKeys!.Order(StringComparer.Ordinal));
        Assert.Equal(Cells(("Initiative", 2), ("ExemplaryProduct", 1), ("ModelSite", 0), ("Article", 0), ("Event", 0), ("tong", 3)), Cells(table, f.DistrictA));
        Assert.Equal(Cells(("Initiative", 1), ("ExemplaryProduct", 0), ("ModelSite", 1), ("Article", 0), ("Event", 0), ("tong", 2)), Cells(table, f.DistrictB));
        Assert.Equal(Cells(("Initiative", 0), ("ExemplaryProduct", 0), ("ModelSite", 0), ("Article", 1), ("Event", 0), ("tong", 1)), Cells(table, "")); // the Department's own article
        Assert.Equal(Cells(("Initiative", 3), ("ExemplaryProduct", 1), ("ModelSite", 1), ("Article", 1), ("Event", 0), ("tong", 6)), Cells(table, null)); // the draft is not counted
    }

    [SkippableFact]
    public async Task Criteria_groups_by_level_count_an_item_under_each_group_and_once_in_the_totals()
    {
        fixture.SkipUnlessAvailable();
        var f = await SeedAsync();
        var page = await StatisticsAsync(f.Department, "Department", "hang=noi-dung&cot=cap&loai=Initiative");
        var table = page.FindTable(PublishedItemsSection.TableId)!;
        Assert.Equal(["level-truong", "level-quan-huyen", "level-tinh-thanh", "", "tong"], table.ColumnKeys);
        Assert.Equal([1m, 1m, 0m, 0m, 2m], Row(table, "crit-1"));
        Assert.Equal([1m, 0m, 0m, 0m, 1m], Row(table, "crit-2"));
        Assert.Equal([0m, 0m, 0m, 0m, 0m], Row(table, "crit-3")); // empty groups are shown as 0
        Assert.Equal([0m, 0m, 0m, 0m, 0m], Row(table, "crit-5"));
        Assert.Equal([0m, 0m, 0m, 1m, 1m], Row(table, "")); // item 5 has neither criteria nor level
        Assert.Equal([1m, 1m, 0m, 1m, 3m], table.Totals!.Values.ToArray());
    }

    [SkippableFact]
    public async Task The_period_the_district_filter_and_a_district_scope_limit_what_is_counted()
    {
        fixture.SkipUnlessAvailable();
        var f = await SeedAsync();

        var period = (await StatisticsAsync(f.Department, "Department", "tu=2024-01-01&den=2024-12-31")).FindTable(PublishedItemsSection.TableId)!;
        Assert.Equal(5m, period.Totals!.Values[^1]); // item 5 (June 2023) is outside
        Assert.Equal(1m, period.Value(f.DistrictB, "ModelSite"));
        Assert.Equal(0m, period.Value(f.DistrictB, "Initiative"));
        Assert.Equal(1m, period.Value(f.DistrictB, "tong"));

        var filtered = await StatisticsAsync(f.Department, "Department", "phong=" + f.DistrictB);
        var districtB = filtered.FindTable(PublishedItemsSection.TableId)!;
        Assert.Equal([f.DistrictB], districtB.Rows.Select(r => r.Key));
        Assert.Equal(2m, districtB.Totals!.Values[^1]);

        // A curator of district A sees district A only, even when asking for B.
        var scoped = await StatisticsAsync(f.DistrictA, "DistrictOffice", "phong=" + f.DistrictB + "&hang=don-vi");
        Assert.Contains("There is no such district office in your scope; all are shown.", scoped.Problems);
        var schools = scoped.FindTable(PublishedItemsSection.TableId)!;
        Assert.Equal([f.SchoolA1, f.SchoolA2], schools.Rows.Select(r => r.Key).Order());
        Assert.Equal(Cells(("Initiative", 2), ("ExemplaryProduct", 1), ("ModelSite", 0), ("Article", 0), ("Event", 0), ("tong", 3)), Cells(schools, null));
        Assert.Equal(0m, scoped.FindTable(RecognitionSection.SitesTableId)!.Totals!.Values[^1]); // B1's model site is not theirs
    }

    [SkippableFact]
    public async Task Exemplary_products_and_model_sites_are_counted_by_theme_and_level()
    {
        fixture.SkipUnlessAvailable();
        var f = await SeedAsync();
        var page = await StatisticsAsync(f.Department, "Department", "loai=Article"); // the type filter does not apply here
        var products = page.FindTable(RecognitionSection.ProductsTableId)!;
        Assert.Equal(1m, products.Value("crit-3", "level-tinh-thanh"));
        Assert.Equal(0m, products.Value("crit-1", "level-tinh-thanh"));
        Assert.Equal(1m, products.Totals!.Values[^1]);
        var sites = page.FindTable(RecognitionSection.SitesTableId)!;
        Assert.Equal(1m, sites.Value("theme-steam", "level-quan-huyen"));
        Assert.Equal(0m, sites.Value("theme-chuyen-doi-so", "tong"));
        Assert.Equal(1m, sites.Totals!.Values[^1]);
    }

    [SkippableFact]
    public async Task The_review_funnel_counts_transitions_and_the_median_days_per_step()
    {
        fixture.SkipUnlessAvailable();
        var f = await SeedAsync();
        var page = await StatisticsAsync(f.Department, "Department", "");
        var funnel = page.FindTable(ReviewFunnelSection.FunnelTableId)!;
        Assert.Equal([3m], Row(funnel, "Submit"));
        Assert.Equal([1m], Row(funnel, "Return"));
        Assert.Equal([1m], Row(funnel, "Approve"));
        Assert.Equal([1m], Row(funnel, "Reject"));

        var days = page.FindTable(ReviewFunnelSection.DaysTableId)!;
        Assert.Equal([3m, 2m], Row(days, "District"));     // 2, 1, 4 days
        Assert.Equal([2m, 3m], Row(days, "Department"));   // 3, 3 days
        Assert.Equal([5m, 3m], Row(days, ""));             // 1, 2, 3, 3, 4 days

        // Only the decisions in the period: the first week holds item 2's rejection (day 4), item 1's forward (day 2) and return (day 5).
        var week = (await StatisticsAsync(f.Department, "Department", "tu=2024-01-01&den=2024-01-06")).FindTable(ReviewFunnelSection.DaysTableId)!;
        Assert.Equal([2m, 3m], Row(week, "District"));    // 2 and 4 days
        Assert.Equal([1m, 3m], Row(week, "Department"));

        // District B's scope has no submissions: zero counts and no median.
        var other = await StatisticsAsync(f.DistrictB, "DistrictOffice", "");
        Assert.Equal([0m], Row(other.FindTable(ReviewFunnelSection.FunnelTableId)!, "Submit"));
        Assert.Equal([0m, null], Row(other.FindTable(ReviewFunnelSection.DaysTableId)!, ""));
    }

    [SkippableFact]
    public async Task The_indicators_across_rounds_are_the_rounds_consolidated_figures()
    {
        fixture.SkipUnlessAvailable();
        var (expected, title) = await fixture.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<DbContext>();
            var round = await db.Set<ChuyenDe.Modules.Reports.ReportRound>().AsNoTracking().SingleAsync(r => r.Key == "so-ket-02-nam-hoa-binh");
            var consolidation = await sp.GetRequiredService<ChuyenDe.Modules.Reports.ReportConsolidationService>().ConsolidateAsync(round, default);
            return (consolidation.Main.Overall.Figures.ToDictionary(f => f.Key, f => f.Value.Value), $"{round.Title} ({round.SchoolYear})");
        });

        // The Hòa Bình Department's scope: its open round (the Lương Sơn round is still a draft and is not shown).
        var page = await StatisticsAsync("so-hoa-binh", "Department", "");
        var table = page.FindTable(IndicatorTrendsSection.TableId)!;
        Assert.Equal([title], table.Columns);
        Assert.NotEmpty(table.Rows);
        Assert.Contains(table.Rows, r => r.Values[0] is not null);
        foreach (var row in table.Rows)
        {
            Assert.Equal(expected[row.Key], row.Values[0]);
        }

        // TP.HCM has no round: the section says so and has no table.
        var hcm = await StatisticsAsync("so-hcm", "Department", "");
        Assert.Null(hcm.FindTable(IndicatorTrendsSection.TableId));
        Assert.Contains(hcm.Sections, s => s.Key == "chi-tieu" && s.Tables.Count == 0);
    }
}

public sealed class StatisticsCountingSqliteTests(SqliteSiteFixture fixture) : StatisticsCountingTests<SqliteSiteFixture>(fixture);

public sealed class StatisticsCountingPostgresTests(PostgresSiteFixture fixture) : StatisticsCountingTests<PostgresSiteFixture>(fixture);
