using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BuiltIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    OwnerOrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OutlineJson = table.Column<string>(type: "TEXT", nullable: false),
                    IndicatorsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SchoolYear = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Guidance = table.Column<string>(type: "TEXT", nullable: true),
                    OwnerOrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnitsRule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CollectiveNominations = table.Column<int>(type: "INTEGER", nullable: false),
                    IndividualNominations = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: true),
                    ParentRoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    OutlineJson = table.Column<string>(type: "TEXT", nullable: false),
                    IndicatorsJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportRounds_ReportRounds_ParentRoundId",
                        column: x => x.ParentRoundId,
                        principalTable: "ReportRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportRounds_ReportTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "ReportTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ReportRoundDocuments",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRoundDocuments", x => new { x.RoundId, x.Path });
                    table.ForeignKey(
                        name: "FK_ReportRoundDocuments_ReportRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportRoundUnits",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AddedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReportContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReportState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StateChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRoundUnits", x => new { x.RoundId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_ReportRoundUnits_ReportRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRoundDocuments_Path",
                table: "ReportRoundDocuments",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRounds_Key",
                table: "ReportRounds",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportRounds_OwnerOrganizationId_State",
                table: "ReportRounds",
                columns: new[] { "OwnerOrganizationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRounds_ParentRoundId",
                table: "ReportRounds",
                column: "ParentRoundId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRounds_TemplateId",
                table: "ReportRounds",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRoundUnits_OrganizationId",
                table: "ReportRoundUnits",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRoundUnits_ReportContentItemId",
                table: "ReportRoundUnits",
                column: "ReportContentItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportTemplates_Key",
                table: "ReportTemplates",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportTemplates_OwnerOrganizationId",
                table: "ReportTemplates",
                column: "OwnerOrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportRoundDocuments");

            migrationBuilder.DropTable(
                name: "ReportRoundUnits");

            migrationBuilder.DropTable(
                name: "ReportRounds");

            migrationBuilder.DropTable(
                name: "ReportTemplates");
        }
    }
}
