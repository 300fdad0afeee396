using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    RoundId = table.Column<int>(type: "integer", nullable: true),
                    OwnerOrganizationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BlocksJson = table.Column<string>(type: "jsonb", nullable: false),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
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
