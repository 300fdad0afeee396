using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentDailyCounts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Views = table.Column<long>(type: "INTEGER", nullable: false),
                    Downloads = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentDailyCounts", x => new { x.Day, x.ContentItemId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentDailyCounts_OrganizationId_Day",
                table: "ContentDailyCounts",
                columns: new[] { "OrganizationId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentDailyCounts");
        }
    }
}
