using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChuyenDe.Modules.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OaiTombstones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OaiTombstones",
                columns: table => new
                {
                    ContentItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DeletedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SetSpecs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OaiTombstones", x => x.ContentItemId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItemVersions_Published_PublishedUtc_ContentItemId",
                table: "ContentItemVersions",
                columns: new[] { "Published", "PublishedUtc", "ContentItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_OaiTombstones_DeletedUtc_ContentItemId",
                table: "OaiTombstones",
                columns: new[] { "DeletedUtc", "ContentItemId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OaiTombstones");

            migrationBuilder.DropIndex(
                name: "IX_ContentItemVersions_Published_PublishedUtc_ContentItemId",
                table: "ContentItemVersions");
        }
    }
}
