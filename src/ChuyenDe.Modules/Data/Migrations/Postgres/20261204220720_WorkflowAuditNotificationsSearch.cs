using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkflowAuditNotificationsSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    VersionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReviewerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReviewerUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Ratings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Comment = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ActorOrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Subject = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    SubjectFolded = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    VersionBefore = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    VersionAfter = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RemoteAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Curations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    OrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LevelTermId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Citation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ThemeTermId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SchoolYearTermId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FeaturedOrder = table.Column<int>(type: "integer", nullable: true),
                    CuratedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CuratedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CuratedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WithdrawnByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Curations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EventKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Url = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EmailStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EmailAttempts = table.Column<int>(type: "integer", nullable: false),
                    EmailLastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EmailSentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EmailNextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReviewerUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssignedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssignedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewAssignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchIndexingTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchIndexingTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DisplayText = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    OrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DistrictId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    ReviewPath = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ReviewOrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedVersionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PreviousSubmittedVersionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClaimedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClaimedByUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    SchoolYearTermId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CriteriaTermIds = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StepEnteredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FromState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ToState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ActorOrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Reasons = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    VersionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TargetUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TargetUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OccurredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionTransitions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ContentItemId_Round",
                table: "Assessments",
                columns: new[] { "ContentItemId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Action_OccurredUtc",
                table: "AuditEntries",
                columns: new[] { "Action", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorOrganizationId_OccurredUtc",
                table: "AuditEntries",
                columns: new[] { "ActorOrganizationId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorUserName_OccurredUtc",
                table: "AuditEntries",
                columns: new[] { "ActorUserName", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Category_OccurredUtc",
                table: "AuditEntries",
                columns: new[] { "Category", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ContentItemId_OccurredUtc",
                table: "AuditEntries",
                columns: new[] { "ContentItemId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OccurredUtc",
                table: "AuditEntries",
                column: "OccurredUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OrganizationId_OccurredUtc",
                table: "AuditEntries",
                columns: new[] { "OrganizationId", "OccurredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Curations_Active",
                table: "Curations",
                columns: new[] { "ContentItemId", "Kind" },
                unique: true,
                filter: "\"WithdrawnUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Curations_Kind_WithdrawnUtc_CuratedUtc",
                table: "Curations",
                columns: new[] { "Kind", "WithdrawnUtc", "CuratedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EmailStatus_EmailNextAttemptUtc",
                table: "Notifications",
                columns: new[] { "EmailStatus", "EmailNextAttemptUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_EventKey",
                table: "Notifications",
                columns: new[] { "UserId", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadUtc",
                table: "Notifications",
                columns: new[] { "UserId", "ReadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_ContentItemId_Round",
                table: "ReviewAssignments",
                columns: new[] { "ContentItemId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAssignments_ReviewerUserId_Active",
                table: "ReviewAssignments",
                columns: new[] { "ReviewerUserId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchIndexingTasks_CreatedUtc",
                table: "SearchIndexingTasks",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_ContentItemId",
                table: "Submissions",
                column: "ContentItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_OwnerUserId",
                table: "Submissions",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_State_ReviewOrganizationId_StepEnteredUtc",
                table: "Submissions",
                columns: new[] { "State", "ReviewOrganizationId", "StepEnteredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionTransitions_ContentItemId_Id",
                table: "SubmissionTransitions",
                columns: new[] { "ContentItemId", "Id" });

            // Append-only: the database refuses to change or delete audit entries (keep this when squashing migrations).
            migrationBuilder.Sql(ChuyenDe.Modules.Audit.AuditTable.PostgresAppendOnly);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ChuyenDe.Modules.Audit.AuditTable.PostgresDropAppendOnly);

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Curations");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "ReviewAssignments");

            migrationBuilder.DropTable(
                name: "SearchIndexingTasks");

            migrationBuilder.DropTable(
                name: "Submissions");

            migrationBuilder.DropTable(
                name: "SubmissionTransitions");
        }
    }
}
