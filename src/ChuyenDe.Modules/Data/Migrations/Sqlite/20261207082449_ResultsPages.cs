using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResultsPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResultsPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerOrganizationId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BlocksJson = table.Column<string>(type: "TEXT", nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsPages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPages_Published_PublishedUtc",
                table: "ResultsPages",
                columns: new[] { "Published", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPages_Slug",
                table: "ResultsPages",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResultsPages");
        }
    }
}
