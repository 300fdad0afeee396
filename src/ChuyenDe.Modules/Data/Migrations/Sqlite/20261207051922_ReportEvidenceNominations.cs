using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportEvidenceNominations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EvidenceJson",
                table: "UnitReportVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "NominationsJson",
                table: "UnitReportVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "EvidenceJson",
                table: "UnitReports",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "NominationsJson",
                table: "UnitReports",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRounds_ParentRoundId_OwnerOrganizationId",
                table: "ReportRounds",
                columns: new[] { "ParentRoundId", "OwnerOrganizationId" },
                unique: true,
                filter: "\"ParentRoundId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportRounds_ParentRoundId_OwnerOrganizationId",
                table: "ReportRounds");

            migrationBuilder.DropColumn(
                name: "EvidenceJson",
                table: "UnitReportVersions");

            migrationBuilder.DropColumn(
                name: "NominationsJson",
                table: "UnitReportVersions");

            migrationBuilder.DropColumn(
                name: "EvidenceJson",
                table: "UnitReports");

            migrationBuilder.DropColumn(
                name: "NominationsJson",
                table: "UnitReports");
        }
    }
}
